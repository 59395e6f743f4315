import { randomUUID } from 'node:crypto';
import type { ComplaintReceived } from '@bekasi/contracts';

/** A live complaint.received from LAPOR! as intake announces it; tests and benches override what they need. */
export function aComplaintReceived(overrides: Partial<ComplaintReceived> = {}): ComplaintReceived {
  const complaintId = overrides.complaintId ?? randomUUID();
  return {
    complaintId,
    trackingId: String(9_300_000 + Math.floor(Math.random() * 99_999)),
    source: 'lapor-api',
    externalId: complaintId,
    channel: 'Android',
    receivedAt: new Date().toISOString(),
    title: 'Jalan berlubang di Jalan Raya Babelan',
    text: 'Lubang besar di Jalan Raya Babelan dekat pertigaan Desa Kedungpengawas, mohon segera ditambal.',
    category: null,
    categoryId: null,
    classification: 'Pengaduan Tidak Berkadar Pengawasan',
    anonymous: false,
    confidential: false,
    reporterName: null,
    locationText: null,
    priority: 'normal',
    duplicateOf: null,
    historical: false,
    historicalDisposition: null,
    ...overrides,
  };
}
