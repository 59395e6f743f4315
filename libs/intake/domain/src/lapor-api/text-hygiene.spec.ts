import { readLaporApiRecord } from './lapor-api-record';
import { SyntheticLaporFeed } from './synthetic-lapor-reports';
import { cleanText, hasUnwantedCharacters, recordForAdmin } from './text-hygiene';

describe('text from outside', () => {
  it('loses NUL, control characters and lone surrogates, keeps tabs, newlines and real emoji', () => {
    expect(cleanText('Jalan\u0000 rusak\u0007\t\n\r di \uD83D\uDE00 Setu\uD800\uDFFF\uDC00')).toBe('Jalan rusak\t\n\r di \uD83D\uDE00 Setu\uD800\uDFFF');
    expect(hasUnwantedCharacters('a\u0000b')).toBe(true);
    expect(hasUnwantedCharacters('biasa saja')).toBe(false);
  });

  it('reads a LAPOR! record with a NUL in any field instead of failing it (and its page)', () => {
    const record = { ...(new SyntheticLaporFeed(3).next() as unknown as Record<string, unknown>) };
    for (const [key, value] of Object.entries(record)) if (typeof value === 'string') record[key] = `${value}\u0000`;
    const reading = readLaporApiRecord(record);
    expect(reading.rejection).toBeUndefined();
    expect(JSON.stringify(reading.draft)).not.toMatch(/\\u0000/);
  });

  it('keeps no raw NIK or phone number of a rejected record for the admin', () => {
    const shown = JSON.stringify(
      recordForAdmin({ tracking_id: '5\u00001', content: 'NIK 3216990101900001, telp 0812-3456-7890', reporter: { name: 'Budi', phone: '08123456789', nik: '3216990101900001' } }),
    );
    expect(shown).not.toMatch(/3216990101900001|0812-3456-7890|08123456789|Budi|\\u0000/);
    expect(shown).toContain('51');
  });
});
