import { Type } from '@sinclair/typebox';
import { defineEvent, type EventData } from '../event-definition';
import { TOPICS } from '../topics';
import { Nullable, Timestamp, Uuid } from './common.schema';

export const LaporUpdateReceivedV1 = defineEvent({
  name: 'complaint.lapor-update-received',
  version: 1,
  topic: TOPICS.complaints,
  description:
    'Something changed on the SP4N-LAPOR! side of a complaint that came from LAPOR!: the reporter replied or rated there, ' +
    'or LAPOR!\'s admin changed its status. One per LAPOR! update id; desk enters it in the ticket\'s history.',
  schema: Type.Object({
    complaintId: Uuid,
    trackingId: Type.String({ description: "The regency's tracking id (the ticket's)" }),
    laporTrackingId: Type.String(),
    updateId: Type.String({ description: "LAPOR!'s id of the update" }),
    kind: Type.Union([Type.Literal('reply'), Type.Literal('rating'), Type.Literal('status')]),
    message: Nullable(Type.String()),
    rating: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
    laporStatus: Nullable(Type.String({ description: 'The status LAPOR! now shows (kind status)' })),
    at: Timestamp,
  }),
});
export type LaporUpdateReceived = EventData<typeof LaporUpdateReceivedV1>;
