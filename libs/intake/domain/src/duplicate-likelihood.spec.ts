import {
  decodeTextSignature, DEFAULT_DUPLICATE_POLICY, duplicateLikelihood, encodeTextSignature, isLikelyDuplicate, textSignatureOf, textSimilarity, TEXT_SIGNATURE_VERSION,
} from './duplicate-likelihood';
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
    const empty = { signature: textSignatureOf({ title: null, text: '' }), receivedAt: original.receivedAt };
    expect(duplicateLikelihood(empty, { ...empty })).toBe(0);
  });
});

describe('textSimilarity', () => {
  const similarity = (a: string, b: string) => textSimilarity(textSignatureOf({ title: null, text: a }), textSignatureOf({ title: null, text: b }));

  it('sees through informal spelling', () => {
    expect(similarity('Jalan rusak tidak kelihatan sudah lama', 'jln rusak ga keliatan udah lama')).toBe(1);
  });

  it('sees "Kedung Pengawas" and "Kedungpengawas" as close', () => {
    expect(similarity('pertigaan Kedungpengawas', 'pertigaan Kedung Pengawas')).toBeGreaterThan(similarity('pertigaan Kedungpengawas', 'pertigaan Sukamahi'));
  });

  it('is the Jaccard mean of the word and shingle sets (as on the texts themselves)', () => {
    // Words: 2 of 3 shared; shingles counted on the strings, not on their hashes.
    const shingles = (s: string) => new Set(Array.from({ length: s.length - 3 }, (_, i) => s.slice(i, i + 4)));
    const a = shingles('lubangbesarjalan');
    const b = shingles('lubangjalan');
    const shared = [...a].filter((x) => b.has(x)).length;
    expect(similarity('lubang besar jalan', 'lubang jalan')).toBeCloseTo((2 / 3 + shared / (a.size + b.size - shared)) / 2, 12);
  });
});

describe('text signature', () => {
  const signature = textSignatureOf({ title: 'Jalan berlubang', text: 'Lubang besar di Jalan Raya Babelan dekat pertigaan Kedungpengawas' });

  it('survives its stored form', () => {
    const decoded = decodeTextSignature(encodeTextSignature(signature));
    expect([...decoded.words]).toEqual([...signature.words]);
    expect([...decoded.shingles]).toEqual([...signature.shingles]);
  });

  it('refuses a stored signature of another version', () => {
    const bytes = encodeTextSignature(signature);
    bytes[0] = TEXT_SIGNATURE_VERSION + 1;
    expect(() => decodeTextSignature(bytes)).toThrow(/migration/);
  });

  // Stored signatures are compared with fresh ones: if this changes (contentWords' normalisation,
  // the hash, the shingles), bump TEXT_SIGNATURE_VERSION and add a migration that recomputes them.
  it('is stable for a known text', () => {
    expect(encodeTextSignature(textSignatureOf({ title: 'Jln berlubang', text: 'di Babelan' })).toString('base64')).toBe('AQADANh1BB8fhR8wz/pT7qvVVQyzM30SsxuVLx26sUFhtaBPdjPqa38Rbn9uxnumuAA7qgspwq3jhLu8o02SyEE6Wtfriw3dwxBC4mJoEuane5rvDyRT8Q==');
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
