import type { Actor } from './actor';
import type { Result } from './result';
import type { TicketCommand } from './ticket-command';
import { decide, receiveTicket, type TicketDecision } from './ticket-decision';
import { TICKET_RULE_VIOLATION_CODES, type TicketRuleViolation } from './ticket-rule-violation';
import type { TicketSnapshot } from './ticket-snapshot';
import { ActorMother } from './testing/actor.mother';
import { CommandMother } from './testing/ticket-command.mother';
import { HOME_UNIT, OTHER_UNIT, REFUSING_UNIT, T0, TicketMother, aTicket, hoursAfter } from './testing/ticket.mother';

const NOW = hoursAfter(T0, 72);
const officer = ActorMother.officerOf(HOME_UNIT);
const admin = ActorMother.admin();
const reporter = ActorMother.reporter();
const system = ActorMother.system();

function accepted(ticket: TicketSnapshot, command: TicketCommand, actor: Actor, now = NOW): TicketDecision {
  const result = decide(ticket, command, actor, now);
  if (!result.ok) throw new Error(`refused with ${result.error.code}: ${result.error.message.en}`);
  return result.value;
}

function refusal(result: Result<TicketDecision, TicketRuleViolation>): TicketRuleViolation {
  if (result.ok) throw new Error(`expected a refusal, the ticket went to ${result.value.ticket.status}`);
  return result.error;
}

function refusedCode(ticket: TicketSnapshot, command: TicketCommand, actor: Actor): string {
  return refusal(decide(ticket, command, actor, NOW)).code;
}

describe('receiveTicket', () => {
  it('opens a received ticket at version 1 and says so', () => {
    const receivedAt = hoursAfter(T0, -20);
    const { ticket, events, audit } = receiveTicket({ ticketId: 'ticket-9', receivedAt }, ActorMother.system('intake'), NOW);

    expect(ticket).toMatchObject({ id: 'ticket-9', version: 1, status: 'received', unitCode: null, bounceCount: 0, receivedAt, updatedAt: NOW });
    expect(events).toEqual([
      {
        type: 'ticket.received',
        receivedAt,
        ticketId: 'ticket-9',
        version: 1,
        at: NOW,
        actor: { role: 'system', userId: 'intake' },
        from: null,
        to: 'received',
        unitCode: null,
      },
    ]);
    expect(audit).toEqual({
      ticketId: 'ticket-9',
      version: 1,
      at: NOW,
      actor: { role: 'system', userId: 'intake' },
      action: 'receive',
      from: null,
      to: 'received',
      reason: null,
      content: null,
    });
  });
});

describe('decide', () => {
  it('leaves the given snapshot untouched', () => {
    const ticket = TicketMother.inStatus('in_progress');
    const before = JSON.stringify(ticket);
    accepted(ticket, CommandMother.postAnswer(), officer);
    expect(JSON.stringify(ticket)).toBe(before);
  });

  it('returns refusals as values with both languages', () => {
    const violation = refusal(decide(TicketMother.inStatus('closed'), CommandMother.acknowledge(), officer, NOW));
    expect(violation.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(violation.message.id).toBe('"Terima disposisi" tidak dapat dilakukan pada laporan berstatus "Ditutup".');
    expect(violation.message.en).toBe('"Acknowledge" is not possible on a ticket that is "Closed".');
  });

  it('names the role in a role refusal', () => {
    const violation = refusal(decide(TicketMother.inStatus('assigned'), CommandMother.acknowledge(), ActorMother.bupati(), NOW));
    expect(violation.message).toEqual({
      id: 'Bupati tidak berwenang melakukan "Terima disposisi".',
      en: 'The regent may not "Acknowledge".',
    });
  });

  it('has a message in Bahasa Indonesia and in English for every code', () => {
    // Exercised through the public path where possible; the rest must at least not be blank.
    const seen = new Set<string>();
    const tries: Array<[TicketSnapshot, TicketCommand, Actor]> = [
      [TicketMother.inStatus('answered'), { type: 'teleport' } as unknown as TicketCommand, admin],
      [TicketMother.inStatus('answered'), CommandMother.rate(9), reporter],
      [TicketMother.inStatus('answered'), { type: 'close', rating: 5, reason: 'x' }, admin],
      [TicketMother.inStatus('triage'), CommandMother.dispose(' '), admin],
      [TicketMother.inStatus('assigned'), CommandMother.dispose(HOME_UNIT), admin],
      [TicketMother.inStatus('assigned'), CommandMother.acknowledge(), ActorMother.officerOf(OTHER_UNIT)],
      [TicketMother.inStatus('in_progress'), CommandMother.requestInfo(''), officer],
      [TicketMother.inStatus('answered'), CommandMother.reporterReply(''), reporter],
      [TicketMother.inStatus('in_progress'), CommandMother.postAnswer(''), officer],
      [TicketMother.inStatus('in_progress'), CommandMother.addNote(''), officer],
      [TicketMother.inStatus('in_progress'), CommandMother.requestReassign(''), officer],
      [TicketMother.waitingForReporter('triage'), CommandMother.archive('spam'), system],
      [TicketMother.inStatus('triage'), { type: 'archive', kind: 'duplicate', reason: 'x' }, admin],
      [aTicket().withId('t-1').at('triage').build(), CommandMother.archiveAsDuplicateOf('t-1'), admin],
      [TicketMother.inStatus('triage'), CommandMother.acknowledge(), ActorMother.sekda()],
      [TicketMother.inStatus('closed'), CommandMother.acknowledge(), officer],
    ];
    for (const [ticket, command, actor] of tries) {
      const { code, message } = refusal(decide(ticket, command, actor, NOW));
      seen.add(code);
      expect(message.id.trim()).not.toBe('');
      expect(message.en.trim()).not.toBe('');
      expect(message.id).not.toBe(message.en);
    }
    expect([...seen].sort()).toEqual([...TICKET_RULE_VIOLATION_CODES].sort());
  });

  describe('route and dispose', () => {
    it('assigns the unit chosen by routing', () => {
      const { ticket, events, audit } = accepted(TicketMother.inStatus('received'), CommandMother.route('DINSOS'), system);
      expect(ticket).toMatchObject({ status: 'assigned', unitCode: 'DINSOS', assignedAt: NOW });
      expect(events).toEqual([expect.objectContaining({ type: 'ticket.assigned', routedBy: 'auto', previousUnitCode: null, unitCode: 'DINSOS' })]);
      expect(audit.reason).toBe('Kategori jalan rusak di Kec. Tambun Selatan');
    });

    it('lets the admin dispose from triage', () => {
      const { ticket, events } = accepted(TicketMother.inStatus('triage'), CommandMother.dispose('BPBD'), admin);
      expect(ticket).toMatchObject({ status: 'assigned', unitCode: 'BPBD' });
      expect(events[0]).toMatchObject({ type: 'ticket.assigned', routedBy: 'admin', actor: { role: 'admin', userId: 'admin-diskominfosantik' } });
    });

    it('lets the admin correct a disposition the unit has not acknowledged', () => {
      const { ticket, events } = accepted(TicketMother.inStatus('assigned'), CommandMother.dispose(OTHER_UNIT), admin);
      expect(ticket.unitCode).toBe(OTHER_UNIT);
      expect(events[0]).toMatchObject({ previousUnitCode: HOME_UNIT, unitCode: OTHER_UNIT });
    });

    it('refuses a disposition to the unit that already has it', () => {
      expect(refusedCode(TicketMother.inStatus('assigned'), CommandMother.dispose(HOME_UNIT), admin)).toBe('SAME_UNIT');
    });

    it('requires a unit', () => {
      expect(refusedCode(TicketMother.inStatus('received'), CommandMother.route('  '), system)).toBe('UNIT_REQUIRED');
      expect(refusedCode(TicketMother.inStatus('triage'), CommandMother.dispose(''), admin)).toBe('UNIT_REQUIRED');
    });

    it('stores the unit code trimmed', () => {
      expect(accepted(TicketMother.inStatus('received'), CommandMother.route(' DINKES '), system).ticket.unitCode).toBe('DINKES');
    });
  });

  it('queues for triage with the reason routing gave', () => {
    const { ticket, events } = accepted(TicketMother.inStatus('received'), CommandMother.sendToTriage(), system);
    expect(ticket.status).toBe('triage');
    expect(events).toEqual([expect.objectContaining({ type: 'ticket.triage-queued', reason: 'Keyakinan routing rendah' })]);
  });

  it('records acknowledgement and start of work as events of the unit', () => {
    const acknowledged = accepted(TicketMother.inStatus('assigned'), CommandMother.acknowledge(), ActorMother.unitHeadOf(HOME_UNIT));
    expect(acknowledged.events).toEqual([expect.objectContaining({ type: 'ticket.acknowledged', unitCode: HOME_UNIT, actor: { role: 'unit_head', userId: `head-${HOME_UNIT}` } })]);
    const started = accepted(acknowledged.ticket, CommandMother.startWork(), officer);
    expect(started.events.map((e) => e.type)).toEqual(['ticket.work-started']);
    expect(started.ticket.version).toBe(acknowledged.ticket.version + 1);
  });

  it('lets an officer bound to several units act for any of them', () => {
    const ticket = TicketMother.inStatus('assigned');
    expect(accepted(ticket, CommandMother.acknowledge(), ActorMother.officerOf(OTHER_UNIT, HOME_UNIT)).ticket.status).toBe('acknowledged');
  });

  describe('request_info', () => {
    it('pauses the unit clock and remembers where it paused from', () => {
      const { ticket, events, audit } = accepted(TicketMother.inStatus('in_progress'), CommandMother.requestInfo(), officer);
      expect(ticket).toMatchObject({ status: 'waiting_reporter', pausedFrom: 'in_progress', pausedAt: NOW });
      expect(events.map((e) => e.type)).toEqual(['ticket.info-requested', 'ticket.sla-paused']);
      expect(events[1]).toMatchObject({ clock: 'follow_up' });
      expect(audit.content).toBe('Mohon lengkapi titik lokasi (RT/RW) dan foto kondisi jalan.');
    });

    it("pauses the disposition clock when it is the admin's Tunda", () => {
      const { ticket, events } = accepted(TicketMother.inStatus('triage'), CommandMother.requestInfo(), admin);
      expect(ticket.pausedFrom).toBe('triage');
      expect(events[1]).toMatchObject({ type: 'ticket.sla-paused', clock: 'disposition' });
    });

    it('requires a question', () => {
      expect(refusedCode(TicketMother.inStatus('acknowledged'), CommandMother.requestInfo('   '), officer)).toBe('QUESTION_REQUIRED');
    });
  });

  describe('reporter_reply', () => {
    it('takes a waiting ticket back where it paused from and closes the pause', () => {
      const waiting = TicketMother.waitingForReporter('reopened');
      const { ticket, events } = accepted(waiting, CommandMother.reporterReply(), reporter);
      expect(ticket).toMatchObject({ status: 'reopened', pausedFrom: null, pausedAt: null });
      expect(events.map((e) => e.type)).toEqual(['ticket.sla-resumed', 'ticket.reporter-replied']);
      expect(events[0]).toMatchObject({ clock: 'follow_up', pausedAt: waiting.pausedAt });
      expect(events[1]).toMatchObject({ resumed: true });
    });

    it('is only a comment on an answered ticket', () => {
      const answered = TicketMother.inStatus('answered');
      const { ticket, events, audit } = accepted(answered, CommandMother.reporterReply('Terima kasih, tapi kapan?'), reporter);
      expect(ticket.status).toBe('answered');
      expect(ticket.answeredAt).toBe(answered.answeredAt);
      expect(events).toEqual([expect.objectContaining({ type: 'ticket.reporter-replied', resumed: false })]);
      expect(audit.content).toBe('Terima kasih, tapi kapan?');
    });

    it('may be entered by the admin on the reporter’s behalf', () => {
      expect(accepted(TicketMother.waitingForReporter('triage'), CommandMother.reporterReply(), admin).ticket.status).toBe('triage');
    });

    it('requires a message', () => {
      expect(refusedCode(TicketMother.waitingForReporter('in_progress'), CommandMother.reporterReply(''), reporter)).toBe('MESSAGE_REQUIRED');
    });
  });

  describe('post_answer', () => {
    it('answers directly after acknowledging, without start_work', () => {
      const { ticket, events, audit } = accepted(TicketMother.inStatus('acknowledged'), CommandMother.postAnswer('  Sudah diperbaiki.  '), officer);
      expect(ticket).toMatchObject({ status: 'answered', answeredAt: NOW });
      expect(events.map((e) => e.type)).toEqual(['ticket.answered']);
      expect(audit.content).toBe('Sudah diperbaiki.');
    });

    it('ends a wait for the reporter: the pause closes before the answer', () => {
      const { ticket, events } = accepted(TicketMother.waitingForReporter('acknowledged'), CommandMother.postAnswer(), officer);
      expect(ticket).toMatchObject({ status: 'answered', pausedFrom: null, pausedAt: null });
      expect(events.map((e) => e.type)).toEqual(['ticket.sla-resumed', 'ticket.answered']);
    });

    it('requires the answer text', () => {
      expect(refusedCode(TicketMother.inStatus('in_progress'), CommandMother.postAnswer(' '), officer)).toBe('ANSWER_REQUIRED');
    });
  });

  describe('request_reassign', () => {
    it('sends the ticket back to routing without a unit and counts the bounce', () => {
      const { ticket, events } = accepted(TicketMother.inStatus('acknowledged'), CommandMother.requestReassign(), officer);
      expect(ticket).toMatchObject({ status: 'reassign_requested', unitCode: null, assignedAt: null, bounceCount: 1, refusedUnitCodes: [HOME_UNIT] });
      expect(events).toEqual([
        expect.objectContaining({
          type: 'ticket.reassign-requested',
          reason: 'Jalan provinsi, bukan kewenangan kabupaten.',
          refusingUnitCode: HOME_UNIT,
          refusedUnits: [HOME_UNIT],
          bounceCount: 1,
          unitCode: null,
        }),
      ]);
    });

    it('adds to earlier refusals, listing each unit once', () => {
      const ticket = aTicket().at('assigned').with({ bounceCount: 2, refusedUnitCodes: [REFUSING_UNIT, HOME_UNIT] }).build();
      const next = accepted(ticket, CommandMother.requestReassign(), officer).ticket;
      expect(next.bounceCount).toBe(3);
      expect(next.refusedUnitCodes).toEqual([REFUSING_UNIT, HOME_UNIT]);
    });

    it('requires a reason', () => {
      expect(refusedCode(TicketMother.inStatus('assigned'), CommandMother.requestReassign(''), officer)).toBe('REASON_REQUIRED');
    });
  });

  describe('reopen', () => {
    it('sends an answered ticket back to the unit, with the reason', () => {
      const { ticket, events } = accepted(TicketMother.inStatus('answered'), CommandMother.reopen(), reporter);
      expect(ticket).toMatchObject({ status: 'reopened', unitCode: HOME_UNIT, reopenCount: 1 });
      expect(events).toEqual([expect.objectContaining({ type: 'ticket.reopened', reason: 'Jalan belum juga diperbaiki.', reopenCount: 1 })]);
    });

    it('reopens a closed ticket and forgets its closing and rating', () => {
      const closed = TicketMother.closedBy('reporter');
      expect(closed.rating).not.toBeNull();
      const { ticket } = accepted(closed, CommandMother.reopen(), admin);
      expect(ticket).toMatchObject({ status: 'reopened', closedAt: null, closedBy: null, rating: null, answeredAt: closed.answeredAt });
    });

    it('requires a reason', () => {
      expect(refusedCode(TicketMother.inStatus('answered'), CommandMother.reopen(' '), reporter)).toBe('REASON_REQUIRED');
    });
  });

  describe('close', () => {
    it('records a satisfied reporter and the rating given', () => {
      const { ticket, events } = accepted(TicketMother.inStatus('answered'), CommandMother.closeAsReporter(5), reporter);
      expect(ticket).toMatchObject({ status: 'closed', closedBy: 'reporter', closedAt: NOW, rating: 5 });
      expect(events.map((e) => e.type)).toEqual(['ticket.closed', 'ticket.rated']);
      expect(events[0]).toMatchObject({ closedBy: 'reporter', rating: 5 });
    });

    it('lets the reporter close without rating', () => {
      const { ticket, events } = accepted(TicketMother.inStatus('answered'), CommandMother.closeAsReporter(), reporter);
      expect(ticket.rating).toBeNull();
      expect(events).toEqual([expect.objectContaining({ type: 'ticket.closed', rating: null })]);
    });

    it('keeps a rating given before closing', () => {
      const rated = accepted(TicketMother.inStatus('answered'), CommandMother.rate(3), reporter).ticket;
      expect(accepted(rated, CommandMother.closeAsReporter(), reporter).ticket.rating).toBe(3);
    });

    it('auto-closes as the system without a reason', () => {
      const { ticket, audit } = accepted(TicketMother.inStatus('answered'), { type: 'close' }, ActorMother.system('sla-auto-close'));
      expect(ticket.closedBy).toBe('system');
      expect(audit.actor).toEqual({ role: 'system', userId: 'sla-auto-close' });
    });

    it('requires the admin to say why', () => {
      expect(refusedCode(TicketMother.inStatus('answered'), { type: 'close' }, admin)).toBe('REASON_REQUIRED');
      expect(accepted(TicketMother.inStatus('answered'), CommandMother.closeAsAdmin(), admin).ticket.closedBy).toBe('admin');
    });

    it('takes a rating only from the reporter', () => {
      expect(refusedCode(TicketMother.inStatus('answered'), { type: 'close', rating: 4, reason: 'Atas nama pelapor' }, admin)).toBe('RATING_NOT_ALLOWED');
      expect(refusedCode(TicketMother.inStatus('answered'), { type: 'close', rating: 4 }, system)).toBe('RATING_NOT_ALLOWED');
    });

    it.each([0, 6, 2.5, Number.NaN, -1])('refuses the rating %p', (rating) => {
      expect(refusedCode(TicketMother.inStatus('answered'), CommandMother.closeAsReporter(rating), reporter)).toBe('INVALID_RATING');
    });
  });

  describe('rate', () => {
    it.each([1, 2, 3, 4, 5])('accepts %i without moving the ticket', (rating) => {
      const closed = TicketMother.closedBy('system');
      const { ticket, events } = accepted(closed, CommandMother.rate(rating), reporter);
      expect(ticket).toMatchObject({ status: 'closed', rating, closedBy: 'system', version: closed.version + 1 });
      expect(events).toEqual([expect.objectContaining({ type: 'ticket.rated', rating, from: 'closed', to: 'closed' })]);
    });

    it.each([0, 6, 4.5, Number.POSITIVE_INFINITY])('refuses %p', (rating) => {
      expect(refusedCode(TicketMother.inStatus('answered'), CommandMother.rate(rating), reporter)).toBe('INVALID_RATING');
    });
  });

  describe('archive', () => {
    it('archives spam with its reason', () => {
      const { ticket, events, audit } = accepted(TicketMother.inStatus('triage'), CommandMother.archive('spam', 'Promosi jasa.'), admin);
      expect(ticket.status).toBe('archived');
      expect(ticket.archive).toEqual({ kind: 'spam', reason: 'Promosi jasa.', duplicateOfTicketId: null, archivedBy: 'admin', archivedAt: NOW });
      expect(events).toEqual([
        expect.objectContaining({ type: 'ticket.archived', reasonKind: 'spam', reason: 'Promosi jasa.', archivedBy: 'admin', duplicateOfTicketId: null }),
      ]);
      expect(audit.reason).toBe('Promosi jasa.');
    });

    it('merges a duplicate into the ticket that carries on', () => {
      const { ticket, events } = accepted(TicketMother.inStatus('received'), CommandMother.archiveAsDuplicateOf('ticket-0042'), admin);
      expect(ticket.archive).toMatchObject({ kind: 'duplicate', duplicateOfTicketId: 'ticket-0042' });
      expect(events[0]).toMatchObject({ duplicateOfTicketId: 'ticket-0042' });
    });

    it('requires the link for a duplicate, and not to itself', () => {
      const ticket = aTicket().withId('ticket-0007').at('triage').build();
      expect(refusedCode(ticket, { type: 'archive', kind: 'duplicate', reason: 'Sama', duplicateOfTicketId: ' ' }, admin)).toBe('DUPLICATE_LINK_REQUIRED');
      expect(refusedCode(ticket, CommandMother.archiveAsDuplicateOf('ticket-0007'), admin)).toBe('DUPLICATE_OF_SELF');
    });

    it('ignores a link given for another kind', () => {
      const { ticket } = accepted(TicketMother.inStatus('triage'), { type: 'archive', kind: 'spam', reason: 'Iklan', duplicateOfTicketId: 'ticket-0042' }, admin);
      expect(ticket.archive?.duplicateOfTicketId).toBeNull();
    });

    it('requires a reason', () => {
      expect(refusedCode(TicketMother.inStatus('triage'), CommandMother.archive('out_of_scope', ''), admin)).toBe('REASON_REQUIRED');
    });

    it('lets the system archive only a report whose reporter never completed it', () => {
      const waiting = TicketMother.waitingForReporter('triage');
      const { ticket, events } = accepted(waiting, CommandMother.archive('incomplete_information', 'Batas waktu kelengkapan terlewati.'), system);
      expect(ticket).toMatchObject({ status: 'archived', pausedFrom: null, archive: { kind: 'incomplete_information', archivedBy: 'system' } });
      expect(events.map((e) => e.type)).toEqual(['ticket.sla-resumed', 'ticket.archived']);
      expect(refusedCode(waiting, CommandMother.archive('spam'), system)).toBe('ARCHIVE_KIND_NOT_ALLOWED');
    });

    it('keeps withdrawn for the reporter', () => {
      const command = { type: 'archive', kind: 'withdrawn', reason: 'x' } as unknown as TicketCommand;
      expect(refusedCode(TicketMother.inStatus('triage'), command, admin)).toBe('ARCHIVE_KIND_NOT_ALLOWED');
    });
  });

  describe('withdraw', () => {
    it('archives at the reporter’s request, even while the unit works on it', () => {
      const { ticket, events } = accepted(TicketMother.inStatus('in_progress'), CommandMother.withdraw(), reporter);
      expect(ticket.archive).toEqual({ kind: 'withdrawn', reason: 'Pasokan air sudah kembali normal.', duplicateOfTicketId: null, archivedBy: 'reporter', archivedAt: NOW });
      expect(events[0]).toMatchObject({ type: 'ticket.archived', reasonKind: 'withdrawn', archivedBy: 'reporter', unitCode: HOME_UNIT });
    });

    it('needs no reason', () => {
      expect(accepted(TicketMother.inStatus('received'), { type: 'withdraw' }, reporter).ticket.archive?.reason).toBeNull();
    });
  });

  describe('add_note', () => {
    it('audits the note without moving the ticket or emitting anything', () => {
      const closed = TicketMother.closedBy('admin');
      const { ticket, events, audit } = accepted(closed, CommandMother.addNote(), officer);
      expect(ticket).toEqual({ ...closed, version: closed.version + 1, updatedAt: NOW });
      expect(events).toEqual([]);
      expect(audit).toMatchObject({ action: 'add_note', from: 'closed', to: 'closed', content: 'Sudah koordinasi dengan UPTD.', actor: { role: 'officer' } });
    });

    it('requires text', () => {
      expect(refusedCode(TicketMother.inStatus('triage'), CommandMother.addNote('  '), admin)).toBe('NOTE_REQUIRED');
    });
  });

  it('checks permission before content', () => {
    expect(refusedCode(TicketMother.inStatus('in_progress'), CommandMother.postAnswer(''), ActorMother.officerOf(OTHER_UNIT))).toBe('NOT_YOUR_UNIT');
    expect(refusedCode(TicketMother.inStatus('closed'), CommandMother.rate(9), reporter)).toBe('INVALID_RATING');
    expect(refusedCode(TicketMother.inStatus('in_progress'), CommandMother.rate(9), reporter)).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('refuses to resume a waiting ticket that does not say where it paused from', () => {
    const corrupt = aTicket().with({ status: 'waiting_reporter', pausedFrom: null }).build();
    expect(() => decide(corrupt, CommandMother.reporterReply(), reporter, NOW)).toThrow(/does not say from where/);
  });
});
