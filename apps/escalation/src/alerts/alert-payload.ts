import { unitByCode } from '@bekasi/reference-data';
import type { StepRow } from '../persistence/escalation-case.repository';

const ROLE_LABELS: Record<string, string> = {
  unit_head: 'Kepala Perangkat Daerah / Camat',
  asda: 'Asisten Daerah',
  sekda: 'Sekretaris Daerah',
  bupati: 'Bupati',
};
const DEADLINE_LABELS: Record<string, string> = {
  verification: 'verifikasi dan disposisi',
  'first-response': 'tanggapan pertama',
  resolution: 'penyelesaian tindak lanjut',
};

/** What a gateway (WhatsApp, e-mail) receives: the facts and a ready message in Bahasa Indonesia. */
export function alertPayload(step: StepRow, at: Date) {
  const unit = unitByCode(step.unitCode);
  return {
    escalationId: step.id,
    ticketId: step.ticketId,
    level: step.level,
    role: step.role,
    audience: { role: step.role, unitCode: step.audienceUnitCode, asdaGroup: step.audienceAsdaGroup },
    unitCode: step.unitCode,
    deadlineKind: step.deadlineKind,
    deadlineAt: new Date(step.deadlineAt).toISOString(),
    raisedAt: at.toISOString(),
    message:
      `Eskalasi tingkat ${step.level} kepada ${ROLE_LABELS[step.role] ?? step.role}: tenggat ${DEADLINE_LABELS[step.deadlineKind] ?? step.deadlineKind} ` +
      `laporan di ${unit?.name ?? step.unitCode} telah terlewati dan belum dipenuhi.`,
  };
}
