// Units are renamed, merged and closed (a dinas split or joined by a new regional regulation).
// Their history must stay readable under the old code, while new complaints go to whoever took
// over the work. A redirect says "code X now means code Y" (or null: nobody, the unit is closed);
// redirects chain, because a merged unit can be merged again.
export type UnitRedirects = ReadonlyMap<string, string | null>;

/**
 * The code that receives complaints meant for `unitCode` today: the end of its redirect chain,
 * itself when it has none, null when the chain ends in a closed unit. A cycle (a data error) also
 * yields null rather than looping.
 */
export function currentUnitCode(unitCode: string, redirects: UnitRedirects): string | null {
  let code: string | null = unitCode;
  const seen = new Set<string>();
  while (code !== null && redirects.has(code)) {
    if (seen.has(code)) return null;
    seen.add(code);
    code = redirects.get(code) ?? null;
  }
  return code;
}

export interface UnitStatus {
  code: string;
  active: boolean;
  /** The unit that took over this one's work (merge or rename); null when none. */
  replacedBy: string | null;
}

/** The redirects implied by a units registry: every inactive unit points to its successor or to nobody. */
export function unitRedirectsOf(units: readonly UnitStatus[]): Map<string, string | null> {
  const redirects = new Map<string, string | null>();
  for (const unit of units) if (!unit.active) redirects.set(unit.code, unit.replacedBy);
  return redirects;
}

/**
 * Problems with merging `from` into `into`, in Bahasa Indonesia for the admin; empty when the merge
 * is allowed. A merge into an inactive unit or into a unit that (through its chain) already leads
 * back to `from` would leave complaints with nowhere to go.
 */
export function mergeProblems(from: UnitStatus | undefined, into: UnitStatus | undefined, all: readonly UnitStatus[]): string[] {
  if (!from) return ['Unit asal tidak ditemukan.'];
  if (!into) return ['Unit tujuan tidak ditemukan.'];
  if (from.code === into.code) return ['Unit tidak dapat digabungkan ke dirinya sendiri.'];
  if (!from.active) return [`Unit ${from.code} sudah tidak aktif.`];
  if (!into.active) return [`Unit tujuan ${into.code} tidak aktif.`];
  const after = unitRedirectsOf(all.map((u) => (u.code === from.code ? { ...u, active: false, replacedBy: into.code } : u)));
  if (currentUnitCode(from.code, after) === null) return ['Penggabungan membentuk rantai melingkar.'];
  return [];
}
