import type { ArchiveKind, ArchivedBy, ClosedBy, TicketSnapshot } from '../ticket-snapshot';
import { PAUSABLE_STATUSES, TICKET_STATUSES, type PausableStatus, type TicketStatus } from '../ticket-status';

/** The unit the tickets of these tests are disposed to, and one that has nothing to do with them. */
export const HOME_UNIT = 'SDABMBK';
export const OTHER_UNIT = 'DLH';
export const REFUSING_UNIT = 'DISPERKIMTAN';

/** Monday 3 November 2025, 09:00 in Jakarta. */
export const T0 = new Date('2025-11-03T02:00:00Z');

export function hoursAfter(start: Date, hours: number): Date {
  return new Date(start.getTime() + hours * 3_600_000);
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

export class TicketBuilder {
  private readonly props: Writable<TicketSnapshot> = {
    id: 'ticket-0001',
    version: 1,
    status: 'received',
    unitCode: null,
    pausedFrom: null,
    pausedAt: null,
    bounceCount: 0,
    refusedUnitCodes: [],
    reopenCount: 0,
    receivedAt: T0,
    assignedAt: null,
    answeredAt: null,
    closedAt: null,
    closedBy: null,
    rating: null,
    archive: null,
    updatedAt: T0,
  };

  with(changes: Partial<TicketSnapshot>): this {
    Object.assign(this.props, changes);
    return this;
  }

  withId(id: string): this {
    return this.with({ id });
  }

  /** Moves to `status` with the fields a ticket has once it got there along the usual path. */
  at(status: TicketStatus): this {
    this.with({ status, version: this.props.version + 1, updatedAt: hoursAfter(T0, 1) });
    switch (status) {
      case 'received':
      case 'triage':
        return this;
      case 'assigned':
      case 'acknowledged':
      case 'in_progress':
        return this.with({ unitCode: HOME_UNIT, assignedAt: hoursAfter(T0, 1) });
      case 'waiting_reporter':
        return this.pausedFrom('in_progress');
      case 'answered':
        return this.with({ unitCode: HOME_UNIT, assignedAt: hoursAfter(T0, 1), answeredAt: hoursAfter(T0, 30) });
      case 'reopened':
        return this.with({ unitCode: HOME_UNIT, assignedAt: hoursAfter(T0, 1), answeredAt: hoursAfter(T0, 30), reopenCount: 1 });
      case 'reassign_requested':
        return this.with({ unitCode: null, bounceCount: 1, refusedUnitCodes: [REFUSING_UNIT] });
      case 'closed':
        return this.closedBy('system');
      case 'archived':
        return this.archivedAs('spam', 'admin');
    }
  }

  /** Waiting for the reporter, paused from `status` (with the unit that status implies). */
  pausedFrom(status: PausableStatus): this {
    this.at(status);
    return this.with({ status: 'waiting_reporter', pausedFrom: status, pausedAt: hoursAfter(T0, 5) });
  }

  closedBy(closedBy: ClosedBy): this {
    this.at('answered');
    return this.with({ status: 'closed', closedBy, closedAt: hoursAfter(T0, 300), rating: closedBy === 'reporter' ? 4 : null });
  }

  archivedAs(kind: ArchiveKind, archivedBy: ArchivedBy, duplicateOfTicketId: string | null = null): this {
    return this.with({
      status: 'archived',
      archive: { kind, reason: 'Alasan arsip', duplicateOfTicketId, archivedBy, archivedAt: hoursAfter(T0, 2) },
    });
  }

  build(): TicketSnapshot {
    return Object.freeze({ ...this.props, refusedUnitCodes: Object.freeze([...this.props.refusedUnitCodes]) });
  }
}

export function aTicket(): TicketBuilder {
  return new TicketBuilder();
}

export const TicketMother = {
  inStatus: (status: TicketStatus): TicketSnapshot => aTicket().at(status).build(),
  waitingForReporter: (pausedFrom: PausableStatus): TicketSnapshot => aTicket().pausedFrom(pausedFrom).build(),
  closedBy: (closedBy: ClosedBy): TicketSnapshot => aTicket().closedBy(closedBy).build(),
};

/**
 * A named situation a ticket can be in. Waiting for the reporter counts once per paused-from
 * status, because what may happen next depends on it.
 */
export interface TicketSituation {
  readonly place: string;
  readonly ticket: TicketSnapshot;
}

export function pausePlace(pausedFrom: PausableStatus): string {
  return `waiting_reporter<-${pausedFrom}`;
}

export const TICKET_SITUATIONS: readonly TicketSituation[] = [
  ...TICKET_STATUSES.filter((s) => s !== 'waiting_reporter' && s !== 'closed').map((status) => ({
    place: status,
    ticket: TicketMother.inStatus(status),
  })),
  ...PAUSABLE_STATUSES.map((pausedFrom) => ({ place: pausePlace(pausedFrom), ticket: TicketMother.waitingForReporter(pausedFrom) })),
  ...(['reporter', 'admin', 'system'] as const).map((closedBy) => ({ place: 'closed', ticket: TicketMother.closedBy(closedBy) })),
];
