// What a missed deadline (sla.breached) means for a ticket as it is now. The SLA service computed the
// deadline from events; by the time the breach arrives the ticket may have moved on (answered again,
// reopened, re-disposed, closed), and then the breach is stale and changes nothing.
import type { TicketSnapshot } from './ticket-snapshot';

export interface SlaBreachFacts {
  deadlineKind: 'verification' | 'first-response' | 'resolution' | 'auto-close';
  unitCode: string;
  deadlineAt: Date;
}

/**
 * Why the breach no longer applies to the ticket, or null when it does. `auto-close` applies to an
 * answered ticket whose current answer started the countdown; any other kind marks the ticket overdue
 * unless it has ended or (first response) another unit holds it now.
 */
export function staleBreachReason(ticket: Pick<TicketSnapshot, 'status' | 'unitCode' | 'answeredAt'>, breach: SlaBreachFacts): string | null {
  if (breach.deadlineKind === 'auto-close') {
    if (ticket.status !== 'answered') return `ticket is ${ticket.status}, not answered`;
    if (ticket.unitCode !== breach.unitCode) return `answered by ${ticket.unitCode}, the countdown was ${breach.unitCode}'s`;
    if (ticket.answeredAt && breach.deadlineAt < ticket.answeredAt) return 'the deadline precedes the current answer';
    return null;
  }
  if (ticket.status === 'closed' || ticket.status === 'archived') return `ticket is ${ticket.status}`;
  if (breach.deadlineKind === 'first-response' && ticket.unitCode !== breach.unitCode) return `ticket is now with ${ticket.unitCode ?? 'no unit'}`;
  return null;
}
