import { alertMessage } from '@bekasi/escalation-domain';
import { unitByCode } from '@bekasi/reference-data';
import type { StepRow } from '../persistence/escalation-case.repository';

/** What a gateway (WhatsApp, e-mail) receives: the facts and a ready message in Bahasa Indonesia. */
export function alertPayload(step: StepRow, at: Date) {
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
    message: alertMessage(step.level, step.role, step.deadlineKind, unitByCode(step.unitCode)?.name ?? step.unitCode),
  };
}
