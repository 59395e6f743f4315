import { Type } from '@sinclair/typebox';
import { defineEvent, type EventData } from '../event-definition';
import { TOPICS } from '../topics';
import { Candidate, Classification, KecamatanCode, Nullable, Priority, Timestamp, UnitCode, Uuid } from './common.schema';

export const ComplaintSource = Type.Union(
  ['lapor-api', 'lapor-webhook', 'lapor-import', 'whatsapp', 'web-form', 'call-centre', 'other'].map((s) => Type.Literal(s)),
);

/** What a unit needs to know of a complaint to work on it (masked text, no reporter identity). */
export const ComplaintSummary = Type.Object({
  trackingId: Type.String(),
  title: Type.String(),
  text: Type.String(),
  category: Nullable(Type.String()),
  classification: Classification,
  receivedAt: Timestamp,
  anonymous: Type.Boolean(),
  confidential: Type.Boolean(),
  channel: Nullable(Type.String()),
  priority: Priority,
  // Where the complaint came from, so desk needs no complaint.received of its own. Optional: events
  // published before these fields existed stay valid (docs/adr/0008-additive-event-fields.md), and a
  // consumer treats a missing origin as not known.
  source: Type.Optional(ComplaintSource),
  externalId: Type.Optional(Type.String({ description: "Id in the source system (complaint.received's `externalId`), e.g. the SP4N-LAPOR! Tracking ID" })),
});

export const ComplaintReceivedV1 = defineEvent({
  name: 'complaint.received',
  version: 1,
  topic: TOPICS.complaints,
  description:
    'A complaint entered the regency, whatever the channel; one per (source, externalId). Personal data in the text is masked; ' +
    "the reporter's identity of an Anonim report and the clear content of a Rahasia report stay in intake.",
  schema: Type.Object({
    complaintId: Uuid,
    trackingId: Type.String({ description: 'Tracking id shown to citizens and officers' }),
    source: ComplaintSource,
    externalId: Type.String({ description: 'Id in the source system, e.g. the SP4N-LAPOR! Tracking ID' }),
    channel: Nullable(Type.String({ description: 'Sumber Laporan: Website, Android, SMS 1708, WhatsApp ...' })),
    receivedAt: Timestamp,
    title: Type.String(),
    text: Type.String({ description: 'Complaint text with personal data masked' }),
    category: Nullable(Type.String()),
    categoryId: Nullable(Type.String()),
    classification: Classification,
    anonymous: Type.Boolean(),
    confidential: Type.Boolean({ description: 'Rahasia: content hidden from the public; text carried here is masked' }),
    reporterName: Nullable(Type.String({ description: 'Only for reports that are neither Anonim nor Rahasia' })),
    locationText: Nullable(Type.String()),
    priority: Priority,
    duplicateOf: Nullable(
      Type.Object({ complaintId: Uuid, trackingId: Type.String(), score: Type.Number({ minimum: 0, maximum: 1 }) }),
    ),
    historical: Type.Boolean({ description: 'Back-filled history from an export: learn from it, do not open a live ticket' }),
    historicalDisposition: Nullable(
      Type.Object({ unitName: Type.String(), unitCode: Nullable(UnitCode), laporStatus: Nullable(Type.String()) }),
    ),
  }),
});
export type ComplaintReceived = EventData<typeof ComplaintReceivedV1>;

export const ComplaintTriageRequiredV1 = defineEvent({
  name: 'complaint.triage-required',
  version: 1,
  topic: TOPICS.complaints,
  description: "Routing could not decide with enough confidence (or the complaint bounced twice): the LAPOR admin must dispose it.",
  schema: Type.Object({
    complaintId: Uuid,
    decisionId: Uuid,
    reason: Type.String({ description: 'Why triage is needed, in Bahasa Indonesia' }),
    suggestions: Type.Array(Candidate),
    kecamatanCode: KecamatanCode,
    refusedUnits: Type.Array(UnitCode),
    bounceCount: Type.Integer({ minimum: 0 }),
    complaint: ComplaintSummary,
  }),
});
export type ComplaintTriageRequired = EventData<typeof ComplaintTriageRequiredV1>;
