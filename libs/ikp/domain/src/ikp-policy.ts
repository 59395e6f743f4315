// The IKP policy is versioned: the Sekda publishes a version that applies from a month on; earlier
// months keep the version they were scored with, so a closed month never changes under a new policy.
import { IKP_INDICATORS, isPeriod, type IkpIndicator, type IkpPolicy } from './ikp-score';

export interface PolicyDraft {
  effectiveFrom: string;
  indicators?: Partial<Record<IkpIndicator, { weight?: number; target?: number }>>;
  zones?: { hijau: number; kuning: number };
  budget?: { yearEndTarget: number };
}

export type PolicyCheck = { ok: true; policy: IkpPolicy } | { ok: false; errors: Array<{ field: string; reason: string }> };

/** A new version built on the one in force: every weight ≥ 0 and some > 0, targets 0-100, zones ordered. */
export function draftPolicy(base: IkpPolicy, draft: PolicyDraft, version: string): PolicyCheck {
  const errors: Array<{ field: string; reason: string }> = [];
  if (!isPeriod(draft.effectiveFrom)) errors.push({ field: 'effectiveFrom', reason: 'effectiveFrom harus berformat YYYY-MM' });
  const indicators = { ...base.indicators };
  for (const [code, change] of Object.entries(draft.indicators ?? {})) {
    if (!(IKP_INDICATORS as readonly string[]).includes(code)) {
      errors.push({ field: `indicators.${code}`, reason: 'indikator tidak dikenal' });
      continue;
    }
    const current = indicators[code as IkpIndicator];
    const weight = change?.weight ?? current.weight;
    const target = change?.target ?? current.target;
    if (!Number.isFinite(weight) || weight < 0 || weight > 1) errors.push({ field: `indicators.${code}.weight`, reason: 'bobot harus antara 0 dan 1' });
    if (!Number.isFinite(target) || target <= 0 || target > 100) errors.push({ field: `indicators.${code}.target`, reason: 'target harus lebih dari 0 dan paling besar 100' });
    indicators[code as IkpIndicator] = { ...current, weight, target };
  }
  if (Object.values(indicators).every((i) => i.weight === 0)) errors.push({ field: 'indicators', reason: 'paling sedikit satu indikator harus berbobot' });
  const zones = draft.zones ?? base.zones;
  if (!(zones.kuning > 0 && zones.hijau > zones.kuning && zones.hijau <= 100)) errors.push({ field: 'zones', reason: 'batas zona harus 0 < kuning < hijau ≤ 100' });
  const budget = draft.budget ?? base.budget;
  if (!(budget.yearEndTarget > 0 && budget.yearEndTarget <= 100)) errors.push({ field: 'budget.yearEndTarget', reason: 'target penyerapan akhir tahun harus antara 0 dan 100' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, policy: { version, effectiveFrom: draft.effectiveFrom, indicators, zones, budget } };
}

/** The version in force for a month: the latest whose effectiveFrom is not after it (the default before any). */
export function policyInForce(versions: readonly IkpPolicy[], period: string, fallback: IkpPolicy): IkpPolicy {
  let best: IkpPolicy | null = null;
  for (const v of versions) if (v.effectiveFrom <= period && (!best || v.effectiveFrom >= best.effectiveFrom)) best = v;
  return best ?? fallback;
}
