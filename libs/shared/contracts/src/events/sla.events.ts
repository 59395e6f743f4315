import { Type } from '@sinclair/typebox';
import { defineEvent, type EventData } from '../event-definition';
import { TOPICS } from '../topics';
import { Timestamp, UnitCode, Uuid } from './common.schema';

export const DeadlineKind = Type.Union(
  [Type.Literal('verification'), Type.Literal('first-response'), Type.Literal('resolution'), Type.Literal('auto-close')],
  { description: 'Which deadline of the SLA policy' },
);

const deadlineRef = {
  ticketId: Uuid,
  unitCode: UnitCode,
  deadlineKind: DeadlineKind,
  deadlineAt: Timestamp,
  policyVersion: Type.String(),
};

export const SlaReminderV1 = defineEvent({
  name: 'sla.reminder',
  version: 1,
  topic: TOPICS.sla,
  description: 'A fraction of a deadline has passed (50 % → officer, 80 % → officer and unit head).',
  schema: Type.Object({ ...deadlineRef, fraction: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }), remindRoles: Type.Array(Type.String()), at: Timestamp }),
});
export type SlaReminder = EventData<typeof SlaReminderV1>;

export const SlaBreachedV1 = defineEvent({
  name: 'sla.breached',
  version: 1,
  topic: TOPICS.sla,
  description: 'A deadline passed without the required action.',
  schema: Type.Object({ ...deadlineRef, breachedAt: Timestamp }),
});
export type SlaBreached = EventData<typeof SlaBreachedV1>;

export const SlaMetV1 = defineEvent({
  name: 'sla.met',
  version: 1,
  topic: TOPICS.sla,
  description: 'The required action happened; records whether it was on time and how many working days it took.',
  schema: Type.Object({ ...deadlineRef, metAt: Timestamp, onTime: Type.Boolean(), workingDaysTaken: Type.Number({ minimum: 0 }) }),
});
export type SlaMet = EventData<typeof SlaMetV1>;
