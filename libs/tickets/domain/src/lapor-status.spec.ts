import { LAPOR_STATUS_LABELS, UNCONFIRMED_LAPOR_STATUS_LABELS, fromLaporStatus, toLaporStatus, type ImportedLaporStatus } from './lapor-status';
import type { TicketSnapshot } from './ticket-snapshot';
import { TICKET_STATUSES } from './ticket-status';
import { T0, TicketMother, aTicket } from './testing/ticket.mother';

// The nine labels of a real "Laporan Ringkas" export (see DOMAIN.md).
const EXPORT_LABELS = [
  'Belum Terverifikasi',
  'Menunggu Kelengkapan Informasi',
  'Ditutup oleh Sistem',
  'Ditutup oleh Admin',
  'Ditutup oleh Pelapor',
  'Diarsipkan oleh Sistem',
  'Diarsipkan oleh Admin',
  'Diarsipkan oleh Pelapor',
  'Konten Terblokir',
];

function ticketFrom(imported: ImportedLaporStatus): TicketSnapshot {
  return aTicket()
    .with({
      status: imported.status,
      pausedFrom: imported.pausedFrom,
      closedBy: imported.closedBy,
      archive:
        imported.archivedBy === null
          ? null
          : { kind: imported.archiveKind ?? 'out_of_scope', reason: null, duplicateOfTicketId: null, archivedBy: imported.archivedBy, archivedAt: T0 },
    })
    .build();
}

describe('SP4N-LAPOR! status labels', () => {
  it('knows every label of the export, and marks only the others unconfirmed', () => {
    expect([...LAPOR_STATUS_LABELS].filter((l) => !UNCONFIRMED_LAPOR_STATUS_LABELS.includes(l))).toEqual(EXPORT_LABELS);
  });

  it.each([
    ['received', 'Belum Terverifikasi'],
    ['triage', 'Belum Terverifikasi'],
    ['assigned', 'Terverifikasi'],
    ['acknowledged', 'Terverifikasi'],
    ['in_progress', 'Terverifikasi'],
    ['reopened', 'Terverifikasi'],
    ['reassign_requested', 'Terverifikasi'],
    ['waiting_reporter', 'Menunggu Kelengkapan Informasi'],
    ['answered', 'Ditindaklanjuti'],
  ] as const)('shows %s as %s', (status, label) => {
    expect(toLaporStatus(TicketMother.inStatus(status))).toBe(label);
  });

  it.each([
    ['system', 'Ditutup oleh Sistem'],
    ['admin', 'Ditutup oleh Admin'],
    ['reporter', 'Ditutup oleh Pelapor'],
  ] as const)('shows a ticket closed by %s as %s', (closedBy, label) => {
    expect(toLaporStatus(TicketMother.closedBy(closedBy))).toBe(label);
  });

  it.each([
    ['admin', 'spam', 'Diarsipkan oleh Admin'],
    ['system', 'incomplete_information', 'Diarsipkan oleh Sistem'],
    ['reporter', 'withdrawn', 'Diarsipkan oleh Pelapor'],
  ] as const)('shows a ticket archived by %s (%s) as %s', (archivedBy, kind, label) => {
    expect(toLaporStatus(aTicket().archivedAs(kind, archivedBy).build())).toBe(label);
  });

  it('gives every status a label', () => {
    for (const status of TICKET_STATUSES) expect(LAPOR_STATUS_LABELS).toContain(toLaporStatus(TicketMother.inStatus(status)));
  });

  it.each(EXPORT_LABELS.filter((l) => l !== 'Konten Terblokir'))('imports %s and shows it the same way again', (label) => {
    const imported = fromLaporStatus(label);
    expect(imported?.label).toBe(label);
    expect(toLaporStatus(ticketFrom(imported as ImportedLaporStatus))).toBe(label);
  });

  it('imports what the labels say about who and why', () => {
    expect(fromLaporStatus('Menunggu Kelengkapan Informasi')).toMatchObject({ status: 'waiting_reporter', pausedFrom: 'triage' });
    expect(fromLaporStatus('Ditutup oleh Admin')).toMatchObject({ status: 'closed', closedBy: 'admin', archivedBy: null });
    expect(fromLaporStatus('Diarsipkan oleh Sistem')).toMatchObject({ archivedBy: 'system', archiveKind: 'incomplete_information' });
    expect(fromLaporStatus('Diarsipkan oleh Pelapor')).toMatchObject({ archivedBy: 'reporter', archiveKind: 'withdrawn' });
    expect(fromLaporStatus('Diarsipkan oleh Admin')).toMatchObject({ archivedBy: 'admin', archiveKind: null });
    expect(fromLaporStatus('Konten Terblokir')).toMatchObject({ status: 'archived', archivedBy: 'admin', archiveKind: 'spam' });
  });

  it('reads labels in any case and spacing', () => {
    expect(fromLaporStatus('  ditutup   OLEH sistem ')).toMatchObject({ label: 'Ditutup oleh Sistem', status: 'closed' });
  });

  it('returns null for a label LAPOR! has added since', () => {
    expect(fromLaporStatus('Dalam Proses Banding')).toBeNull();
    expect(fromLaporStatus('')).toBeNull();
  });
});
