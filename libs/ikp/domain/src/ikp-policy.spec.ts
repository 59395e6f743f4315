import { DEFAULT_IKP_POLICY } from './ikp-score';
import { draftPolicy, policyInForce } from './ikp-policy';

describe('versioned IKP policy', () => {
  it('builds a new version on the one in force and checks it', () => {
    const v2 = draftPolicy(DEFAULT_IKP_POLICY, { effectiveFrom: '2026-07', indicators: { budget_absorption: { weight: 0.4 } }, zones: { hijau: 85, kuning: 55 } }, 'v2');
    expect(v2.ok && v2.policy).toMatchObject({ version: 'v2', effectiveFrom: '2026-07', zones: { hijau: 85, kuning: 55 }, indicators: { budget_absorption: { weight: 0.4, target: 100 }, satisfaction: { weight: 0.15 } } });
    const bad = draftPolicy(DEFAULT_IKP_POLICY, { effectiveFrom: '2026-7', indicators: { bogus: {} } as never, zones: { hijau: 50, kuning: 60 } }, 'v3');
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(['effectiveFrom', 'indicators.bogus', 'zones']);
  });

  it('scores a month with the latest version effective by then', () => {
    const v2 = { ...DEFAULT_IKP_POLICY, version: 'v2', effectiveFrom: '2026-07' };
    const v3 = { ...DEFAULT_IKP_POLICY, version: 'v3', effectiveFrom: '2026-10' };
    expect(['2026-03', '2026-07', '2026-09', '2026-12'].map((p) => policyInForce([v3, v2], p, DEFAULT_IKP_POLICY).version)).toEqual(['ikp-default-2026', 'v2', 'v2', 'v3']);
  });
});
