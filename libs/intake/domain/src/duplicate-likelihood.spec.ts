import { DEFAULT_DUPLICATE_POLICY, duplicateLikelihood, isLikelyDuplicate, textSimilarity } from './duplicate-likelihood';
import { sampleComplaint } from './testing/sample-complaints.mother';

const DAY_MS = 86_400_000;
const later = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

describe('duplicateLikelihood', () => {
  const original = sampleComplaint('9100002');
  const duplicate = sampleComplaint('9100004');

  it('flags sample 9100004 as a likely duplicate of 9100002', () => {
    expect(duplicateLikelihood(duplicate, original)).toBeGreaterThan(0.6);
    expect(isLikelyDuplicate(duplicate, original)).toBe(true);
  });

  it('does not flag two street-light complaints from different places', () => {
    const housing = sampleComplaint('9100008');
    const road = sampleComplaint('9100009');
    expect(duplicateLikelihood(housing, road)).toBeLessThan(0.35);
    expect(isLikelyDuplicate(housing, road)).toBe(false);
  });

  it('does not flag unrelated complaints', () => {
    expect(isLikelyDuplicate(original, sampleComplaint('9100006', { receivedAt: original.receivedAt }))).toBe(false);
  });

  it('is symmetric and stays within [0, 1]', () => {
    const ab = duplicateLikelihood(original, duplicate);
    expect(duplicateLikelihood(duplicate, original)).toBeCloseTo(ab, 12);
    const same = duplicateLikelihood(original, { ...original });
    expect(same).toBe(1);
  });

  it('scores lower as the reports lie further apart, and zero beyond the window', () => {
    const at = (days: number) => duplicateLikelihood(original, { ...duplicate, receivedAt: later(original.receivedAt, days) });
    expect(at(0)).toBeGreaterThan(at(3));
    expect(at(3)).toBeGreaterThan(at(DEFAULT_DUPLICATE_POLICY.windowDays));
    expect(at(DEFAULT_DUPLICATE_POLICY.windowDays)).toBeGreaterThan(0);
    expect(at(DEFAULT_DUPLICATE_POLICY.windowDays + 0.01)).toBe(0);
    expect(duplicateLikelihood({ ...duplicate, receivedAt: later(original.receivedAt, -30) }, original)).toBe(0);
  });

  it('scores lower when both reports name different kecamatan, and not when they agree or one is unknown', () => {
    const base = duplicateLikelihood(original, duplicate);
    const withPlaces = (a: string | null, b: string | null) =>
      duplicateLikelihood({ ...original, kecamatanHint: a }, { ...duplicate, kecamatanHint: b });
    expect(withPlaces('babelan', 'Kecamatan Babelan')).toBeCloseTo(base, 12);
    expect(withPlaces('tambun-selatan', 'Kec. Tambun Selatan')).toBeCloseTo(base, 12);
    expect(withPlaces('babelan', null)).toBeCloseTo(base, 12);
    expect(withPlaces('babelan', 'tarumajaya')).toBeCloseTo(base * DEFAULT_DUPLICATE_POLICY.differentKecamatanFactor, 12);
    expect(isLikelyDuplicate({ ...original, kecamatanHint: 'babelan' }, { ...duplicate, kecamatanHint: 'tarumajaya' })).toBe(false);
  });

  it('lets the threshold and window be configured', () => {
    expect(isLikelyDuplicate(original, duplicate, { threshold: 0.95 })).toBe(false);
    expect(isLikelyDuplicate(original, duplicate, { windowDays: 2 })).toBe(false);
    const housing = sampleComplaint('9100008');
    const road = sampleComplaint('9100009');
    expect(isLikelyDuplicate(housing, road, { threshold: 0.1 })).toBe(true);
  });

  it('scores empty texts as unrelated', () => {
    const empty = { title: null, text: '', receivedAt: original.receivedAt };
    expect(duplicateLikelihood(empty, { ...empty })).toBe(0);
  });
});

describe('textSimilarity', () => {
  it('sees through informal spelling', () => {
    const formal = { title: null, text: 'Jalan rusak tidak kelihatan sudah lama' };
    const informal = { title: null, text: 'jln rusak ga keliatan udah lama' };
    expect(textSimilarity(formal, informal)).toBe(1);
  });

  it('sees "Kedung Pengawas" and "Kedungpengawas" as close', () => {
    const joined = textSimilarity({ title: null, text: 'pertigaan Kedungpengawas' }, { title: null, text: 'pertigaan Kedung Pengawas' });
    const other = textSimilarity({ title: null, text: 'pertigaan Kedungpengawas' }, { title: null, text: 'pertigaan Sukamahi' });
    expect(joined).toBeGreaterThan(other);
  });
});

describe('duplicateLikelihood: topic', () => {
  it('never pairs reports whose categories differ, and still pairs the same category', () => {
    const likelihood = duplicateLikelihood;
    const policy = DEFAULT_DUPLICATE_POLICY;
    const original = sampleComplaint('9100002', { categoryHint: '7011' });
    expect(likelihood(original, sampleComplaint('9100004', { categoryHint: '7011' }))).toBeGreaterThanOrEqual(policy.threshold);
    expect(likelihood(original, sampleComplaint('9100004', { categoryHint: '7040' }))).toBe(0);
    expect(likelihood(original, sampleComplaint('9100004', { categoryHint: null }))).toBeGreaterThanOrEqual(policy.threshold);
  });
});
