import { isStale } from './table-statistics';

describe('isStale', () => {
  it('is a table that changed by more rows than it had at its last ANALYZE, and by more than 1,000', () => {
    expect(isStale({ table: 't', modifiedSinceAnalyze: 10_001, rows: 10_000 })).toBe(true);
    expect(isStale({ table: 't', modifiedSinceAnalyze: 9_999, rows: 10_000 })).toBe(false);
    expect(isStale({ table: 't', modifiedSinceAnalyze: 900, rows: 100 })).toBe(false);
  });

  it('is a table never analyzed (reltuples -1) once more than 1,000 rows changed', () => {
    expect(isStale({ table: 't', modifiedSinceAnalyze: 1_001, rows: -1 })).toBe(true);
    expect(isStale({ table: 't', modifiedSinceAnalyze: 0, rows: -1 })).toBe(false);
  });
});
