import { Type } from '@sinclair/typebox';
import { defineEvent, type EventData } from '../event-definition';
import { TOPICS } from '../topics';
import { Timestamp, UnitCode, Uuid } from './common.schema';
import { DeadlineKind } from './sla.events';

export const EscalationRaisedV1 = defineEvent({
  name: 'escalation.raised',
  version: 1,
  topic: TOPICS.escalations,
  description: 'An overdue ticket climbed a step of the ladder: unit head → Asisten Daerah → Sekda.',
  schema: Type.Object({
    escalationId: Uuid,
    ticketId: Uuid,
    unitCode: UnitCode,
    level: Type.Integer({ minimum: 1 }),
    role: Type.String({ description: 'unit_head | asda | sekda | bupati' }),
    deadlineKind: DeadlineKind,
    deadlineAt: Timestamp,
    at: Timestamp,
  }),
});
export type EscalationRaised = EventData<typeof EscalationRaisedV1>;

export const EscalationAcknowledgedV1 = defineEvent({
  name: 'escalation.acknowledged',
  version: 1,
  topic: TOPICS.escalations,
  description: 'The recipient of an escalation alert acknowledged it.',
  schema: Type.Object({ escalationId: Uuid, ticketId: Uuid, level: Type.Integer({ minimum: 1 }), acknowledgedBy: Type.String(), at: Timestamp }),
});
export type EscalationAcknowledged = EventData<typeof EscalationAcknowledgedV1>;
