import { DEFAULT_IKP_POLICY, EMPTY_TALLY, ikpScore, indicatorValues, isPeriod, mayClose, nextPeriod, periodBounds, periodOf, periodsEndingWith, previousPeriod, rankByScore, zoneOf, type UnitPeriodTally } from './ikp-score';

const tally = (t: Partial<UnitPeriodTally>): UnitPeriodTally => ({ ...EMPTY_TALLY, ...t });

describe('IKP indicators', () => {
  it('measures each indicator in percent from the tally', () => {
    expect(
      indicatorValues(tally({ assigned: 20, answered: 18, firstResponseDeadlines: 16, firstResponseOnTime: 12, resolutionDeadlines: 10, resolutionOnTime: 9, ratings: 4, ratingSum: 17, escalatedBeyondUnit: 2 })),
    ).toEqual({ first_response_on_time: 75, resolution_on_time: 90, follow_up_rate: 90, satisfaction: 85, escalation_free: 90, instructions_achieved: null, budget_absorption: null });
  });

  it('leaves an indicator unmeasured when the period gives nothing to measure', () => {
    expect(indicatorValues(EMPTY_TALLY)).toEqual({ first_response_on_time: null, resolution_on_time: null, follow_up_rate: null, satisfaction: null, escalation_free: null, instructions_achieved: null, budget_absorption: null });
    expect(indicatorValues(tally({ assigned: 3, answered: 5, escalatedBeyondUnit: 9 }))).toMatchObject({ follow_up_rate: 100, escalation_free: 0 });
  });
});

describe('IKP score', () => {
  it('weights achievements against the targets, capped at 100 each', () => {
    const result = ikpScore(tally({ assigned: 10, answered: 10, firstResponseDeadlines: 10, firstResponseOnTime: 9, resolutionDeadlines: 10, resolutionOnTime: 4, ratings: 2, ratingSum: 10, escalatedBeyondUnit: 0 }));
    // achievements: 100 (90/90), 50 (40/80), 100, 100 (100/80 capped), 100 (100/95 capped)
    expect(result.components).toEqual({ first_response_on_time: 100, resolution_on_time: 50, follow_up_rate: 100, satisfaction: 100, escalation_free: 100 });
    expect(result.score).toBe(87.5); // 100 - 0.25 * 50
    expect(result.zone).toBe('hijau');
  });

  it('counts leadership instruction targets in the months they fall due, by verified achievement, with their weight', () => {
    const t = tally({ firstResponseDeadlines: 10, firstResponseOnTime: 9, instructionTargetsDue: 2, instructionAchievementSum: 100 });
    expect(indicatorValues(t).instructions_achieved).toBe(50);
    // (0.30 × 100 + 0.25 × 50) / 0.55
    expect(ikpScore(t).score).toBe(77.3);
  });

  it('counts budget absorption when the unit has finance data, and says which indicators had none', () => {
    const t = tally({ firstResponseDeadlines: 10, firstResponseOnTime: 9, budgetAchievement: 60 });
    // (0.30 × 100 + 0.20 × 60) / 0.50
    expect(ikpScore(t)).toMatchObject({ score: 84, unmeasured: ['resolution_on_time', 'follow_up_rate', 'satisfaction', 'escalation_free', 'instructions_achieved'] });
    expect(ikpScore(tally({ firstResponseDeadlines: 10, firstResponseOnTime: 9 })).unmeasured).toContain('budget_absorption');
  });

  it('uses a unit\'s negotiated target instead of the default', () => {
    const t = tally({ firstResponseDeadlines: 10, firstResponseOnTime: 6 });
    expect(ikpScore(t).score).toBe(66.7); // 60 / 90
    expect(ikpScore(t, { first_response_on_time: 60 }).score).toBe(100);
    expect(ikpScore(t, { first_response_on_time: 60 }).targets.first_response_on_time).toBe(60);
  });

  it('renormalises the weights over what could be measured, and has no score without data', () => {
    expect(ikpScore(tally({ ratings: 1, ratingSum: 2 })).score).toBe(50); // satisfaction 40 % of an 80 % target
    expect(ikpScore(EMPTY_TALLY)).toMatchObject({ score: null, zone: null, components: {} });
  });

  it('colours scores with the Ombudsman zones', () => {
    expect([zoneOf(100), zoneOf(81), zoneOf(80.99), zoneOf(51), zoneOf(50.99), zoneOf(0)]).toEqual(['hijau', 'hijau', 'kuning', 'kuning', 'merah', 'merah']);
    expect(zoneOf(70, { ...DEFAULT_IKP_POLICY, zones: { hijau: 70, kuning: 40 } })).toBe('hijau');
  });
});

describe('ranking and periods', () => {
  it('ranks by score, shows ties as ties (1, 1, 3), and leaves unmeasured units unranked at the end', () => {
    const ranked = rankByScore([
      { unitCode: 'DLH', score: 70 },
      { unitCode: 'DINSOS', score: 90 },
      { unitCode: 'BPBD', score: null },
      { unitCode: 'DISHUB', score: 70 },
      { unitCode: 'DINKES', score: 60 },
    ]);
    expect(ranked.map((r) => [r.rank, r.tied, r.item.unitCode])).toEqual([
      [1, false, 'DINSOS'],
      [2, true, 'DISHUB'],
      [2, true, 'DLH'],
      [4, false, 'DINKES'],
      [null, false, 'BPBD'],
    ]);
    const early = rankByScore([{ unitCode: 'A', score: 33.3 }, { unitCode: 'B', score: 33.3 }, { unitCode: 'C', score: 20 }]);
    expect(early.map((r) => [r.rank, r.tied])).toEqual([[1, true], [1, true], [3, false]]);
  });

  it('counts periods in Jakarta time', () => {
    expect(periodOf(new Date('2026-10-31T16:59:59Z'))).toBe('2026-10');
    expect(periodOf(new Date('2026-10-31T17:00:00Z'))).toBe('2026-11');
    expect([isPeriod('2026-11'), isPeriod('2026-13'), isPeriod('26-11')]).toEqual([true, false, false]);
    expect([previousPeriod(new Date('2026-01-01T00:00:00+07:00')), previousPeriod(new Date('2026-03-31T23:59:59+07:00'))]).toEqual(['2025-12', '2026-02']);
  });
});

describe('month arithmetic', () => {
  it('spans a month in Jakarta time and counts months back across the year', () => {
    expect(periodBounds('2026-12')).toEqual({ from: new Date('2026-11-30T17:00:00Z'), until: new Date('2026-12-31T17:00:00Z') });
    expect(periodsEndingWith('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(nextPeriod('2026-12')).toBe('2027-01');
    const now = new Date('2026-03-31T17:30:00Z'); // 1 April 00:30 in Jakarta
    expect([mayClose('2026-03', now), mayClose('2026-04', now), mayClose('2026-05', now), mayClose('2026-4', now)]).toEqual([true, true, false, false]);
  });
});
