// Complaint drafts for the disclosure rules: a named, public WhatsApp complaint by default.
import { ComplaintDraft } from '../complaint-draft';

export function aComplaintDraft(overrides: Partial<ComplaintDraft> = {}): ComplaintDraft {
  return {
    source: 'whatsapp',
    externalId: 'wa-0001',
    channel: 'Lapor AA Bupati',
    receivedAt: new Date('2026-10-07T03:20:35.000Z'),
    title: 'KTP-el belum jadi sejak Juli',
    text: 'Saya Budi Santoso, NIK 3216990101900001, hubungi 0812-0000-0101. KTP-el saya belum jadi.',
    category: { id: '7051', name: 'KTP Elektronik' },
    classification: 'Pengaduan Berkadar Pengawasan',
    anonymous: false,
    confidential: false,
    reporter: { name: 'Budi Santoso', phone: '0812-0000-0101', email: 'budi@example.com', nik: '3216990101900001' },
    locationText: 'Kecamatan Cikarang Barat',
    attachments: [{ reference: 'att-1', fileName: 'KTP_Budi_Santoso.jpg', mediaType: 'image/jpeg', sizeBytes: 120_000 }],
    ...overrides,
  };
}

export const anAnonymousDraft = (overrides: Partial<ComplaintDraft> = {}) => aComplaintDraft({ anonymous: true, ...overrides });
export const aConfidentialDraft = (overrides: Partial<ComplaintDraft> = {}) =>
  aComplaintDraft({ confidential: true, ...overrides });
