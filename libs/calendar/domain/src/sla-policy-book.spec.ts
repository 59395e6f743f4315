import { jakartaInstant as wib } from './jakarta-time';
import { DEFAULT_SLA_POLICY_VERSION } from './sla-policy';
import { DEFAULT_SLA_POLICY_BOOK, SlaPolicyBook } from './sla-policy-book';
import { aPolicyVersion } from './sla-policy.mother';

describe('SlaPolicyBook', () => {
  const first = aPolicyVersion('v1', '2025-01-01');
  const tightened = aPolicyVersion('v2', '2026-04-01', { resolutionDays: { Aspirasi: 7 } });
  const book = new SlaPolicyBook([tightened, first]);

  it('returns the version in force when the ticket started', () => {
    expect(book.inForceAt(wib('2026-03-31T23:59:59.999')).version).toBe('v1');
    expect(book.inForceAt(wib('2026-04-01')).version).toBe('v2');
    expect(book.inForceAt(wib('2026-08-17T10:00')).version).toBe('v2');
  });

  it('lets tickets older than every version follow the first one', () => {
    expect(book.inForceAt(wib('2023-05-29T04:05')).version).toBe('v1');
  });

  it('keeps versions oldest first', () => {
    expect(book.versions.map((version) => version.version)).toEqual(['v1', 'v2']);
  });

  it('finds the version a ticket recorded', () => {
    expect(book.byVersion('v2')).toBe(tightened);
    expect(book.byVersion('v3')).toBeUndefined();
  });

  it('adds a version without changing the book it came from', () => {
    const extended = book.withVersion(aPolicyVersion('v3', '2027-01-01'));

    expect(extended.inForceAt(wib('2027-02-01')).version).toBe('v3');
    expect(book.inForceAt(wib('2027-02-01')).version).toBe('v2');
  });

  it('refuses an empty book, a repeated name and two versions taking effect together', () => {
    expect(() => new SlaPolicyBook([])).toThrow(/at least one version/);
    expect(() => book.withVersion(aPolicyVersion('v2', '2026-06-01'))).toThrow(/"v2" appears twice/);
    expect(() => book.withVersion(aPolicyVersion('v2b', '2026-04-01'))).toThrow(/"v2" and "v2b" take effect at the same instant/);
  });

  it('starts with the shipped default', () => {
    expect(DEFAULT_SLA_POLICY_BOOK.inForceAt(wib('2026-03-16T10:00'))).toBe(DEFAULT_SLA_POLICY_VERSION);
  });
});
