import type { UnitRegrouped } from '@bekasi/contracts';

/**
 * The regrouping that stands for each unit among several: the latest `changedAt`; on a tie the
 * greater event id, so every service settles on the same group whatever order it saw them in.
 */
export function latestRegroupings(events: ReadonlyArray<{ id: string; data: UnitRegrouped }>): Array<{ id: string; data: UnitRegrouped }> {
  const latest = new Map<string, { id: string; data: UnitRegrouped; at: number }>();
  for (const e of events) {
    const at = Date.parse(e.data.changedAt);
    const current = latest.get(e.data.unitCode);
    if (!current || at > current.at || (at === current.at && e.id > current.id)) latest.set(e.data.unitCode, { ...e, at });
  }
  return [...latest.values()].map(({ id, data }) => ({ id, data }));
}
