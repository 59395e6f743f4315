// Whole lives of tickets, command after command, as the desk would drive them.
import type { Actor } from './actor';
import { toLaporStatus } from './lapor-status';
import type { TicketCommand } from './ticket-command';
import { decide, receiveTicket, type TicketDecision } from './ticket-decision';
import type { TicketEvent } from './ticket-event';
import type { TicketSnapshot } from './ticket-snapshot';
import { slaClockOf, type PausableStatus } from './ticket-status';
import { availableActions } from './transition-table';
import { ActorMother } from './testing/actor.mother';
import { CommandMother } from './testing/ticket-command.mother';
import { HOME_UNIT, OTHER_UNIT, T0, TICKET_SITUATIONS, TicketMother, aTicket, hoursAfter } from './testing/ticket.mother';

/** Replays commands from a freshly received ticket, an hour apart, keeping every decision. */
class TicketStory {
  readonly decisions: TicketDecision[];
  private clock = T0;

  /** From `start`, or from a ticket intake has just received. */
  constructor(private readonly start?: TicketSnapshot) {
    this.decisions = start ? [] : [receiveTicket({ ticketId: 'ticket-0100', receivedAt: T0 }, ActorMother.system('intake'), T0)];
  }

  get ticket(): TicketSnapshot {
    const last = this.decisions[this.decisions.length - 1];
    return last ? last.ticket : (this.start as TicketSnapshot);
  }

  get events(): TicketEvent[] {
    return this.decisions.flatMap((d) => d.events);
  }

  then(command: TicketCommand, actor: Actor): this {
    this.clock = hoursAfter(this.clock, 1);
    const result = decide(this.ticket, command, actor, this.clock);
    if (!result.ok) throw new Error(`${actor.role} ${command.type} on ${this.ticket.status}: ${result.error.code}`);
    this.decisions.push(result.value);
    return this;
  }

  refusal(command: TicketCommand, actor: Actor): string {
    const result = decide(this.ticket, command, actor, hoursAfter(this.clock, 1));
    if (result.ok) throw new Error(`${actor.role} ${command.type} on ${this.ticket.status} was accepted`);
    return result.error.code;
  }
}

const officer = ActorMother.officerOf(HOME_UNIT);
const head = ActorMother.unitHeadOf(HOME_UNIT);
const admin = ActorMother.admin();
const reporter = ActorMother.reporter();
const routing = ActorMother.system('routing');

describe('a ticket’s life', () => {
  it('goes the happy path from intake to a satisfied reporter', () => {
    const story = new TicketStory()
      .then(CommandMother.route(HOME_UNIT), routing)
      .then(CommandMother.acknowledge(), officer)
      .then(CommandMother.startWork(), officer)
      .then(CommandMother.postAnswer(), head)
      .then(CommandMother.closeAsReporter(5), reporter);

    expect(story.decisions.map((d) => d.audit.to)).toEqual(['received', 'assigned', 'acknowledged', 'in_progress', 'answered', 'closed']);
    expect(story.decisions.map((d) => d.ticket.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(story.events.map((e) => e.type)).toEqual([
      'ticket.received',
      'ticket.assigned',
      'ticket.acknowledged',
      'ticket.work-started',
      'ticket.answered',
      'ticket.closed',
      'ticket.rated',
    ]);
    expect(story.ticket).toMatchObject({ status: 'closed', closedBy: 'reporter', rating: 5, unitCode: HOME_UNIT, bounceCount: 0, reopenCount: 0 });
    expect(toLaporStatus(story.ticket)).toBe('Ditutup oleh Pelapor');
    expect(availableActions(story.ticket, reporter)).toEqual(['reopen', 'rate']);
  });

  it('waits in triage, is put on hold for the reporter, and is disposed by the admin', () => {
    const story = new TicketStory().then(CommandMother.sendToTriage(), routing).then(CommandMother.requestInfo(), admin);
    expect(toLaporStatus(story.ticket)).toBe('Menunggu Kelengkapan Informasi');
    expect(slaClockOf(story.ticket)).toEqual({ clock: 'disposition', running: false });

    story.then(CommandMother.reporterReply(), reporter);
    expect(story.ticket.status).toBe('triage');
    expect(slaClockOf(story.ticket)).toEqual({ clock: 'disposition', running: true });

    story.then(CommandMother.dispose('DINSOS'), admin);
    expect(story.ticket).toMatchObject({ status: 'assigned', unitCode: 'DINSOS' });
    expect(story.events.filter((e) => e.type.startsWith('ticket.sla-')).map((e) => e.type)).toEqual(['ticket.sla-paused', 'ticket.sla-resumed']);
  });

  it('loops through reopen until the reporter is satisfied or the system closes it', () => {
    const story = new TicketStory(TicketMother.inStatus('answered'))
      .then(CommandMother.reopen('Lubang masih ada.'), reporter)
      .then(CommandMother.acknowledge(), officer)
      .then(CommandMother.postAnswer('Ditambal ulang.'), officer)
      .then({ type: 'close' }, ActorMother.system('sla-auto-close'));
    expect(story.ticket).toMatchObject({ status: 'closed', closedBy: 'system', reopenCount: 1 });
    expect(toLaporStatus(story.ticket)).toBe('Ditutup oleh Sistem');

    story
      .then(CommandMother.reopen('Rusak lagi setelah hujan.'), reporter)
      .then(CommandMother.postAnswer('Diperbaiki dengan beton.'), officer)
      .then(CommandMother.closeAsReporter(4), reporter);
    expect(story.ticket).toMatchObject({ status: 'closed', closedBy: 'reporter', reopenCount: 2, rating: 4 });
    expect(story.events.filter((e) => e.type === 'ticket.reopened').map((e) => (e.type === 'ticket.reopened' ? e.reopenCount : 0))).toEqual([1, 2]);
  });

  it.each<PausableStatus>(['acknowledged', 'in_progress', 'reopened'])('returns from a pause to %s, where it paused from', (pausedFrom) => {
    const story = new TicketStory(aTicket().at(pausedFrom).build()).then(CommandMother.requestInfo(), officer);
    const pausedAt = story.ticket.pausedAt;
    expect(story.ticket).toMatchObject({ status: 'waiting_reporter', pausedFrom });
    expect(slaClockOf(story.ticket)).toEqual({ clock: 'follow_up', running: false });
    expect(availableActions(story.ticket, officer)).toEqual(['post_answer', 'add_note']);

    story.then(CommandMother.reporterReply(), reporter);
    expect(story.ticket).toMatchObject({ status: pausedFrom, pausedFrom: null, pausedAt: null });
    expect(slaClockOf(story.ticket)).toEqual({ clock: 'follow_up', running: true });
    const resumed = story.events.find((e) => e.type === 'ticket.sla-resumed');
    expect(resumed).toMatchObject({ clock: 'follow_up', pausedAt });
  });

  it('counts bounces between units and ends in triage when routing gives up', () => {
    const firstUnit = HOME_UNIT;
    const secondUnit = OTHER_UNIT;
    const story = new TicketStory()
      .then(CommandMother.route(firstUnit), routing)
      .then(CommandMother.requestReassign('Saluran milik pengembang perumahan.'), ActorMother.officerOf(firstUnit))
      .then(CommandMother.route(secondUnit), routing)
      .then(CommandMother.acknowledge(), ActorMother.officerOf(secondUnit))
      .then(CommandMother.requestReassign('Bukan sampah, tapi saluran.'), ActorMother.unitHeadOf(secondUnit));

    expect(story.ticket).toMatchObject({ status: 'reassign_requested', unitCode: null, bounceCount: 2, refusedUnitCodes: [firstUnit, secondUnit] });
    expect(story.refusal(CommandMother.addNote(), ActorMother.officerOf(secondUnit))).toBe('NOT_YOUR_UNIT');

    story.then(CommandMother.sendToTriage(), routing).then(CommandMother.dispose('DISPERKIMTAN'), admin);
    expect(story.ticket).toMatchObject({ status: 'assigned', unitCode: 'DISPERKIMTAN', bounceCount: 2 });
    const bounces = story.events.filter((e) => e.type === 'ticket.reassign-requested');
    expect(bounces.map((e) => (e.type === 'ticket.reassign-requested' ? [e.refusingUnitCode, e.bounceCount] : null))).toEqual([
      [firstUnit, 1],
      [secondUnit, 2],
    ]);
  });

  it('archives a duplicate only with a link to the ticket that carries on', () => {
    const story = new TicketStory().then(CommandMother.sendToTriage(), routing);
    expect(story.refusal({ type: 'archive', kind: 'duplicate', reason: 'Laporan serupa sudah ada.' }, admin)).toBe('DUPLICATE_LINK_REQUIRED');

    story.then(CommandMother.archiveAsDuplicateOf('ticket-0001'), admin);
    expect(story.ticket.archive).toMatchObject({ kind: 'duplicate', duplicateOfTicketId: 'ticket-0001', archivedBy: 'admin' });
    expect(toLaporStatus(story.ticket)).toBe('Diarsipkan oleh Admin');
    for (const role of ['admin', 'officer', 'reporter', 'system'] as const) {
      expect(availableActions(story.ticket, ActorMother.ofRole(role))).toEqual([]);
    }
  });

  it.each(['asda', 'sekda', 'bupati'] as const)('lets the %s read but never move a ticket', (role) => {
    const leader = ActorMother.ofRole(role, HOME_UNIT);
    for (const { ticket } of TICKET_SITUATIONS) {
      for (const action of ['acknowledge', 'post_answer', 'close', 'archive', 'add_note', 'dispose'] as const) {
        const result = decide(ticket, CommandMother.validFor(action, ticket, admin), leader, T0);
        expect(result).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_ALLOWED', role } });
      }
    }
  });

  it('refuses an officer of another unit at every step, and lets the right one continue', () => {
    const stranger = ActorMother.officerOf(OTHER_UNIT);
    const strangerHead = ActorMother.unitHeadOf(OTHER_UNIT);
    const story = new TicketStory().then(CommandMother.route(HOME_UNIT), routing);
    expect(story.refusal(CommandMother.acknowledge(), stranger)).toBe('NOT_YOUR_UNIT');
    story.then(CommandMother.acknowledge(), officer);
    expect(story.refusal(CommandMother.startWork(), strangerHead)).toBe('NOT_YOUR_UNIT');
    expect(story.refusal(CommandMother.postAnswer(), stranger)).toBe('NOT_YOUR_UNIT');
    expect(story.refusal(CommandMother.requestReassign(), stranger)).toBe('NOT_YOUR_UNIT');
    expect(story.refusal(CommandMother.addNote(), stranger)).toBe('NOT_YOUR_UNIT');
    expect(availableActions(story.ticket, stranger)).toEqual([]);
    story.then(CommandMother.postAnswer(), officer);
    expect(story.ticket.status).toBe('answered');
  });

  it('lets the reporter withdraw while the unit works on it', () => {
    const story = new TicketStory(TicketMother.inStatus('in_progress')).then(CommandMother.withdraw(), reporter);
    expect(story.ticket.status).toBe('archived');
    expect(toLaporStatus(story.ticket)).toBe('Diarsipkan oleh Pelapor');
    expect(slaClockOf(story.ticket)).toBeNull();
  });
});
