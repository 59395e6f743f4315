import { randomUUID } from 'node:crypto';
import { ratingOf, treatmentOf } from './demo-plan';

describe('demo plan', () => {
  const ids = Array.from({ length: 4000 }, () => randomUUID());

  it('decides the same way for the same ticket', () => {
    expect(ids.slice(0, 50).map(treatmentOf)).toEqual(ids.slice(0, 50).map(treatmentOf));
    expect(ids.slice(0, 50).map(ratingOf)).toEqual(ids.slice(0, 50).map(ratingOf));
  });

  it('answers most tickets, leaves some to go overdue and refuses a few', () => {
    const share = (t: string) => ids.filter((id) => treatmentOf(id) === t).length / ids.length;
    expect(share('answer')).toBeGreaterThan(0.5);
    expect(share('answer')).toBeLessThan(0.6);
    expect(share('ignore')).toBeGreaterThan(0.15);
    expect(share('refuse')).toBeGreaterThan(0.02);
    expect(share('refuse')).toBeLessThan(0.08);
  });

  it('rates between 2 and 5, mostly satisfied', () => {
    const ratings = ids.map(ratingOf);
    expect(Math.min(...ratings)).toBe(2);
    expect(Math.max(...ratings)).toBe(5);
    expect(ratings.filter((r) => r >= 4).length / ratings.length).toBeGreaterThan(0.65);
  });
});
