import { budgetAbsorption, budgetColumns, budgetPeriod, budgetRecord, rupiah } from './budget-absorption';

const isUnit = (c: string) => ['DINSOS', 'DLH'].includes(c);
const columns = (budgetColumns(['Kode SKPD', 'Bulan', 'Pagu', 'Anggaran Kas', 'Realisasi']) as { ok: true; columns: any }).columns;

describe('finance export records', () => {
  it('finds the columns under the names BPKAD/SIPD exports use, and names the missing ones', () => {
    expect(columns).toEqual({ unitCode: 0, period: 1, pagu: 2, rencana: 3, realisasi: 4 });
    expect(budgetColumns(['unit_code', 'month', 'pagu'])).toEqual({ ok: false, missing: ['rencana', 'realisasi'] });
    expect(budgetColumns(['\uFEFFunit_code', ' Bulan ', 'PAGU', 'anggaran-kas', 'Realisasi'])).toMatchObject({ ok: true });
  });

  it('reads months and rupiah in the notations the files carry', () => {
    expect([budgetPeriod('2026-03'), budgetPeriod('3/2026'), budgetPeriod('Maret 2026'), budgetPeriod(new Date(Date.UTC(2026, 2, 1))), budgetPeriod('2026-03-01'), budgetPeriod('2026-13'), budgetPeriod('kemarin')]).toEqual([
      '2026-03', '2026-03', '2026-03', '2026-03', '2026-03', null, null,
    ]);
    expect([rupiah('1.250.000,50'), rupiah('Rp 1.250.000'), rupiah('1250000.5'), rupiah('1,250,000'), rupiah(42), rupiah('satu juta'), rupiah('')]).toEqual([1250000.5, 1250000, 1250000.5, 1250000, 42, null, null]);
  });

  it('reports a bad record by row, field and reason', () => {
    expect(budgetRecord(['dinsos', '2026-03', '1000000', '300000', '250000'], columns, 2, isUnit)).toEqual({ ok: true, value: { unitCode: 'DINSOS', period: '2026-03', pagu: 1000000, rencana: 300000, realisasi: 250000 } });
    expect(budgetRecord(['XYZ', '2026-03', '1000', '10', '1'], columns, 3, isUnit)).toEqual({ ok: false, errors: [{ row: 3, field: 'unit_code', reason: 'kode unit "XYZ" tidak dikenal' }] });
    const bad = budgetRecord(['DLH', 'Maret', '1000', 'banyak', '2000'], columns, 4, isUnit);
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(['month', 'rencana', 'realisasi']);
    expect(budgetRecord(['DLH', '2026-03', '0', '0', '0'], columns, 5, isUnit)).toMatchObject({ ok: false, errors: [{ field: 'pagu' }] });
  });
});

describe('budget absorption indicator', () => {
  it('scores realisation against the plan curve', () => {
    // plan 30 % by March, realised 24 %: 80 % of the plan
    expect(budgetAbsorption({ pagu: 1000, rencana: 300, realisasi: 240 }, 1000, 90)).toEqual({ planPercent: 30, realisationPercent: 24, expectedPercent: 30, achievement: 80 });
    expect(budgetAbsorption({ pagu: 1000, rencana: 300, realisasi: 400 }, 1000, 90).achievement).toBe(100);
  });

  it('lifts a plan that would end the year below the target', () => {
    // the plan ends at 75 % of the pagu against a 90 % target: every month's plan is lifted by 1.2
    expect(budgetAbsorption({ pagu: 1000, rencana: 500, realisasi: 540 }, 750, 90)).toEqual({ planPercent: 50, realisationPercent: 54, expectedPercent: 60, achievement: 90 });
  });
});
