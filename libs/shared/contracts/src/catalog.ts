import type { EventDefinition } from './event-definition';
import { ComplaintReceivedV1, ComplaintTriageRequiredV1 } from './events/complaint.events';
import { EscalationAcknowledgedV1, EscalationRaisedV1 } from './events/escalation.events';
import { IkpScorePublishedV1 } from './events/ikp.events';
import { LaporUpdateReceivedV1 } from './events/lapor.events';
import { SlaBreachedV1, SlaMetV1, SlaReminderV1 } from './events/sla.events';
import { TICKET_LIFECYCLE_EVENTS, TicketRoutedV1 } from './events/ticket.events';
import { UnitRegroupedV1 } from './events/unit.events';

export type ServiceName = 'intake' | 'routing' | 'desk' | 'sla' | 'escalation' | 'ikp';

export interface CatalogEntry {
  definition: EventDefinition;
  producer: ServiceName;
}

/** Every event type of the system and the one service that produces it. */
export const EVENT_CATALOG: readonly CatalogEntry[] = [
  { definition: ComplaintReceivedV1, producer: 'intake' },
  { definition: LaporUpdateReceivedV1, producer: 'intake' },
  { definition: ComplaintTriageRequiredV1, producer: 'routing' },
  { definition: TicketRoutedV1, producer: 'routing' },
  ...TICKET_LIFECYCLE_EVENTS.map((definition) => ({ definition: definition as EventDefinition, producer: 'desk' as const })),
  { definition: SlaReminderV1, producer: 'sla' },
  { definition: SlaBreachedV1, producer: 'sla' },
  { definition: SlaMetV1, producer: 'sla' },
  { definition: EscalationRaisedV1, producer: 'escalation' },
  { definition: EscalationAcknowledgedV1, producer: 'escalation' },
  { definition: IkpScorePublishedV1, producer: 'ikp' },
  { definition: UnitRegroupedV1, producer: 'desk' },
];

const byType = new Map(EVENT_CATALOG.map((e) => [e.definition.type, e.definition]));

export function eventDefinitionOf(type: string): EventDefinition | undefined {
  return byType.get(type);
}
