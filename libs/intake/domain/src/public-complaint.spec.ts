import { ComplaintDraft } from './complaint-draft';
import { PERSONAL_DATA_PLACEHOLDERS } from '@bekasi/indonesian-text';
import { REPORTER_NAME_PLACEHOLDER, containsPersonalData, toPublicComplaint } from './public-complaint';
import { aComplaintDraft, aConfidentialDraft, anAnonymousDraft } from './testing/complaint-draft.mother';

const CONTACT_DETAILS = ['0812-0000-0101', '3216990101900001', 'budi@example.com'];

function serialised(draft: ComplaintDraft): string {
  return JSON.stringify(toPublicComplaint(draft));
}

describe('toPublicComplaint', () => {
  it.each([
    ['a public', aComplaintDraft()],
    ['an anonymous', anAnonymousDraft()],
    ['a confidential', aConfidentialDraft()],
    ['an anonymous and confidential', aComplaintDraft({ anonymous: true, confidential: true })],
  ])('never lets the contact details of %s report out', (_label, draft) => {
    const event = serialised(draft);
    for (const detail of CONTACT_DETAILS) expect(event).not.toContain(detail);
  });

  it('keeps the reporter name of a public report inside intake, and masks it and the numbers in its text', () => {
    const result = toPublicComplaint(aComplaintDraft());
    expect(result.reporter).toEqual({ name: 'Budi Santoso' });
    expect(result.text).toBe(
      `Saya ${REPORTER_NAME_PLACEHOLDER}, NIK ${PERSONAL_DATA_PLACEHOLDERS.nik}, hubungi ${PERSONAL_DATA_PLACEHOLDERS.phone}. KTP-el saya belum jadi.`,
    );
    expect(result.personalDataMasked).toBe(true);
    expect(result.confidential).toBe(false);
    expect(result.attachments[0].fileName).toBe('KTP_Budi_Santoso.jpg');
  });

  it('masks third parties\' numbers in a public report as well', () => {
    const result = toPublicComplaint(aComplaintDraft({ text: 'Tetangga saya (HP 0857-1234-5678) membuang sampah ke kali.' }));
    expect(result.text).toBe(`Tetangga saya (HP ${PERSONAL_DATA_PLACEHOLDERS.phone}) membuang sampah ke kali.`);
  });

  it('drops the reporter of an anonymous report and masks the name where the text repeats it', () => {
    const result = toPublicComplaint(anAnonymousDraft({ text: 'Saya BUDI SANTOSO dari RT 03. Budi sudah lapor tiga kali.' }));
    expect(result.reporter).toBeNull();
    expect(result.anonymous).toBe(true);
    expect(result.text).toBe(`Saya ${REPORTER_NAME_PLACEHOLDER} dari RT 03. ${REPORTER_NAME_PLACEHOLDER} sudah lapor tiga kali.`);
    expect(result.attachments).toEqual([{ reference: 'att-1', fileName: null, mediaType: 'image/jpeg', sizeBytes: 120_000 }]);
  });

  it('does not mask ordinary words that merely contain a name part', () => {
    const result = toPublicComplaint(anAnonymousDraft({ reporter: { name: 'Ade Jaya' }, text: 'Jalan Tarumajaya rusak, kata ade saya.' }));
    expect(result.text).toBe('Jalan Tarumajaya rusak, kata ade saya.');
  });

  it('flags a confidential report, masks its title and text, and drops the reporter even when named', () => {
    const draft = aConfidentialDraft({ title: 'Pungli, hubungi 0812-0000-0101', anonymous: false });
    const result = toPublicComplaint(draft);
    expect(result.confidential).toBe(true);
    expect(result.reporter).toBeNull();
    expect(result.title).toBe(`Pungli, hubungi ${PERSONAL_DATA_PLACEHOLDERS.phone}`);
    expect(containsPersonalData(result.text)).toBe(false);
    expect(result.text).not.toContain('Budi');
  });

  it('masks personal data in the location text', () => {
    const result = toPublicComplaint(aComplaintDraft({ locationText: 'Rumah Pak RT, telp 0812-0000-0101' }));
    expect(result.locationText).toBe(`Rumah Pak RT, telp ${PERSONAL_DATA_PLACEHOLDERS.phone}`);
  });

  it('reports no masking when there was nothing to mask, and leaves the draft untouched', () => {
    const draft = aComplaintDraft({ text: 'Lampu PJU di RW 12 mati.', locationText: null, reporter: null });
    const before = JSON.stringify(draft);
    const result = toPublicComplaint(draft);
    expect(result.personalDataMasked).toBe(false);
    expect(result.text).toBe('Lampu PJU di RW 12 mati.');
    expect(result.reporter).toBeNull();
    expect(JSON.stringify(draft)).toBe(before);
  });

  it('carries the historical disposition of a back-filled report', () => {
    const historicalDisposition = {
      disposedToRaw: 'Dinas Sosial Kab. Bekasi',
      unitCode: 'DINSOS',
      laporStatus: 'Ditutup oleh Sistem' as const,
      laporStatusRaw: 'Ditutup oleh Sistem',
      holdOrArchiveReason: null,
    };
    expect(toPublicComplaint(aComplaintDraft({ historicalDisposition })).historicalDisposition).toEqual(historicalDisposition);
    expect('historicalDisposition' in toPublicComplaint(aComplaintDraft())).toBe(false);
  });
});
