// What the SLA clocks of one ticket depend on, folded from the ticket's lifecycle events. The SLA
// service keeps only these facts (never desk's tables) and recomputes every deadline from them.
import type { SlaPause } from '@bekasi/calendar';

export type TicketStatusName =
  | 'received' | 'triage' | 'assigned' | 'acknowledged' | 'in_progress' | 'waiting_reporter'
  | 'answered' | 'reopened' | 'reassign_requested' | 'closed' | 'archived';

export interface TicketClockFacts {
  ticketId: string;
  status: TicketStatusName;
  unitCode: string | null;
  classification: string | null;
  receivedAt: Date;
  /** First disposition to any unit: ends the admin's verification clock. */
  verifiedAt: Date | null;
  /** The current unit's disposition; null while no unit holds the ticket. */
  disposedAt: Date | null;
  /** The current unit's first substantive action since its disposition. */
  firstResponseAt: Date | null;
  /** The unit's final answer (tindak lanjut); cleared when the ticket is reopened. */
  answeredAt: Date | null;
  pauses: SlaPause[];
  /** Highest ticket version applied; older events are stale redeliveries or replays. */
  version: number;
}

/** A lifecycle event as the SLA service sees it: the event name without version, and its data. */
export interface TicketFactEvent {
  name: string;
  data: {
    ticketId: string;
    to: string;
    unitCode: string | null;
    classification: string | null;
    receivedAt: string;
    version: number;
    at: string;
  };
}

const TERMINAL: ReadonlySet<TicketStatusName> = new Set(['closed', 'archived']);

export function isTerminal(status: TicketStatusName): boolean {
  return TERMINAL.has(status);
}

// Actions the unit takes that count as its first response (its coordination and follow-up plan):
// starting work, asking the reporter for what is missing, or answering outright. Acknowledging the
// disposisi is only a receipt and does not stop the clock.
const FIRST_RESPONSE_EVENTS: ReadonlySet<string> = new Set(['ticket.work-started', 'ticket.info-requested', 'ticket.answered']);

/**
 * Folds one lifecycle event into the facts. Returns the facts unchanged (same object) when the
 * event is older than what was applied, so a replay has no effect.
 */
export function applyTicketEvent(facts: TicketClockFacts | null, event: TicketFactEvent): TicketClockFacts {
  const { data } = event;
  const at = new Date(data.at);
  if (facts && data.version < facts.version) return facts;
  const next: TicketClockFacts = facts
    ? { ...facts, pauses: facts.pauses.map((p) => ({ ...p })) }
    : {
        ticketId: data.ticketId,
        status: data.to as TicketStatusName,
        unitCode: null,
        classification: null,
        receivedAt: new Date(data.receivedAt),
        verifiedAt: null,
        disposedAt: null,
        firstResponseAt: null,
        answeredAt: null,
        pauses: [],
        version: 0,
      };
  next.status = data.to as TicketStatusName;
  next.classification = data.classification;
  next.version = Math.max(next.version, data.version);
  const unitChanged = data.unitCode !== next.unitCode;
  next.unitCode = data.unitCode;

  switch (event.name) {
    case 'ticket.assigned':
      next.verifiedAt ??= at;
      if (unitChanged || next.disposedAt === null) {
        next.disposedAt = at;
        next.firstResponseAt = null;
      }
      break;
    case 'ticket.reassign-requested':
      // "Bukan kewenangan": the refusing unit's clocks stop; the next unit starts its own.
      next.disposedAt = null;
      next.firstResponseAt = null;
      break;
    case 'ticket.reopened':
      next.answeredAt = null;
      break;
    case 'ticket.sla-paused':
      if (!next.pauses.some((p) => p.to === undefined)) next.pauses.push({ from: at });
      break;
    case 'ticket.sla-resumed': {
      const open = next.pauses.find((p) => p.to === undefined);
      if (open) open.to = at < open.from ? open.from : at;
      break;
    }
  }
  if (FIRST_RESPONSE_EVENTS.has(event.name) && next.disposedAt !== null) next.firstResponseAt ??= at;
  if (event.name === 'ticket.answered') next.answeredAt = at;
  if (next.unitCode === null) {
    next.disposedAt = null;
    next.firstResponseAt = null;
  }
  return next;
}

/** JSON form for storage: dates as ISO strings. */
export interface StoredTicketClockFacts extends Omit<TicketClockFacts, 'receivedAt' | 'verifiedAt' | 'disposedAt' | 'firstResponseAt' | 'answeredAt' | 'pauses'> {
  receivedAt: string;
  verifiedAt: string | null;
  disposedAt: string | null;
  firstResponseAt: string | null;
  answeredAt: string | null;
  pauses: Array<{ from: string; to?: string }>;
}

export function storeFacts(facts: TicketClockFacts): StoredTicketClockFacts {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    ...facts,
    receivedAt: facts.receivedAt.toISOString(),
    verifiedAt: iso(facts.verifiedAt),
    disposedAt: iso(facts.disposedAt),
    firstResponseAt: iso(facts.firstResponseAt),
    answeredAt: iso(facts.answeredAt),
    pauses: facts.pauses.map((p) => (p.to ? { from: p.from.toISOString(), to: p.to.toISOString() } : { from: p.from.toISOString() })),
  };
}

export function loadFacts(stored: StoredTicketClockFacts): TicketClockFacts {
  const date = (s: string | null) => (s ? new Date(s) : null);
  return {
    ...stored,
    receivedAt: new Date(stored.receivedAt),
    verifiedAt: date(stored.verifiedAt),
    disposedAt: date(stored.disposedAt),
    firstResponseAt: date(stored.firstResponseAt),
    answeredAt: date(stored.answeredAt),
    pauses: stored.pauses.map((p) => (p.to ? { from: new Date(p.from), to: new Date(p.to) } : { from: new Date(p.from) })),
  };
}
