import { DEFAULT_SLA_POLICY_VERSION, jakartaInstant, WorkingDayCalendar } from '@bekasi/calendar';
import { ESCALATION_LADDER_DEFAULT } from '@bekasi/reference-data';
import { plannedTimers, reminderRulesOf, slaClocks, type SlaClock } from './sla-clocks';
import { applyTicketEvent, loadFacts, storeFacts, type TicketClockFacts, type TicketFactEvent } from './ticket-clock-facts';

const calendar = new WorkingDayCalendar();
const ctx = { policy: DEFAULT_SLA_POLICY_VERSION, calendar, adminUnitCode: 'DISKOMINFOSANTIK' };
const TICKET = '6f1c1f0e-3b7a-4d7e-9a55-1b2c3d4e5f60';
// Monday 2 March 2026, 09:00 WIB: no holiday in the following weeks.
const RECEIVED = '2026-03-02T09:00';

let version = 0;
function event(name: string, to: string, atWib: string, unitCode: string | null = 'DINSOS', extra: Partial<TicketFactEvent['data']> = {}): TicketFactEvent {
  version += 1;
  return {
    name,
    data: {
      ticketId: TICKET,
      to,
      unitCode,
      classification: 'Pengaduan Tidak Berkadar Pengawasan',
      receivedAt: jakartaInstant(RECEIVED).toISOString(),
      version,
      at: jakartaInstant(atWib).toISOString(),
      ...extra,
    },
  };
}

function fold(...events: TicketFactEvent[]): TicketClockFacts {
  return events.reduce<TicketClockFacts | null>((facts, e) => applyTicketEvent(facts, e), null)!;
}

const byKind = (clocks: SlaClock[]) => Object.fromEntries(clocks.map((c) => [c.kind, c]));

beforeEach(() => {
  version = 0;
});

describe('ticket clock facts', () => {
  it('starts the unit clocks at disposition and the first response at the first substantive action', () => {
    const facts = fold(
      event('ticket.received', 'received', RECEIVED, null),
      event('ticket.assigned', 'assigned', '2026-03-03T10:00'),
      event('ticket.acknowledged', 'acknowledged', '2026-03-03T11:00'),
      event('ticket.work-started', 'in_progress', '2026-03-04T08:00'),
    );
    expect(facts.verifiedAt).toEqual(jakartaInstant('2026-03-03T10:00'));
    expect(facts.disposedAt).toEqual(jakartaInstant('2026-03-03T10:00'));
    expect(facts.firstResponseAt).toEqual(jakartaInstant('2026-03-04T08:00'));
  });

  it('ignores an event older than what was applied', () => {
    const received = event('ticket.received', 'received', RECEIVED, null);
    const assigned = event('ticket.assigned', 'assigned', '2026-03-03T10:00');
    const facts = fold(received, assigned);
    expect(applyTicketEvent(facts, received)).toBe(facts);
  });

  it('restarts the first response for a new unit after "bukan kewenangan", keeping verification', () => {
    const facts = fold(
      event('ticket.received', 'received', RECEIVED, null),
      event('ticket.assigned', 'assigned', '2026-03-02T10:00', 'DLH'),
      event('ticket.work-started', 'in_progress', '2026-03-02T11:00', 'DLH'),
      event('ticket.reassign-requested', 'reassign_requested', '2026-03-03T09:00', 'DLH'),
      event('ticket.assigned', 'assigned', '2026-03-04T09:00', 'SDABMBK'),
    );
    expect(facts.unitCode).toBe('SDABMBK');
    expect(facts.verifiedAt).toEqual(jakartaInstant('2026-03-02T10:00'));
    expect(facts.disposedAt).toEqual(jakartaInstant('2026-03-04T09:00'));
    expect(facts.firstResponseAt).toBeNull();
  });

  it('records pauses, opens at most one at a time, and closes it on resume', () => {
    const facts = fold(
      event('ticket.received', 'received', RECEIVED, null),
      event('ticket.assigned', 'assigned', '2026-03-02T10:00'),
      event('ticket.sla-paused', 'waiting_reporter', '2026-03-02T12:00'),
      event('ticket.sla-paused', 'waiting_reporter', '2026-03-02T13:00'),
      event('ticket.sla-resumed', 'in_progress', '2026-03-05T12:00'),
    );
    expect(facts.pauses).toEqual([{ from: jakartaInstant('2026-03-02T12:00'), to: jakartaInstant('2026-03-05T12:00') }]);
  });

  it('survives storage as JSON unchanged', () => {
    const facts = fold(
      event('ticket.received', 'received', RECEIVED, null),
      event('ticket.assigned', 'assigned', '2026-03-02T10:00'),
      event('ticket.sla-paused', 'waiting_reporter', '2026-03-02T12:00'),
    );
    expect(loadFacts(JSON.parse(JSON.stringify(storeFacts(facts))))).toEqual(facts);
  });
});

describe('SLA clocks', () => {
  it('runs only the admin\'s verification clock before disposition', () => {
    const clocks = slaClocks(fold(event('ticket.received', 'triage', RECEIVED, null)), ctx);
    expect(clocks.map((c) => [c.kind, c.unitCode, c.state])).toEqual([['verification', 'DISKOMINFOSANTIK', 'running']]);
    expect(clocks[0].dueAt).toEqual(calendar.addWorkingDays(jakartaInstant(RECEIVED), 3));
  });

  it('gives the unit Bekasi\'s 4 working days for the first response and 14 for resolution', () => {
    const facts = fold(event('ticket.received', 'received', RECEIVED, null), event('ticket.assigned', 'assigned', '2026-03-03T10:00'));
    const clocks = byKind(slaClocks(facts, ctx));
    expect(clocks['verification'].state).toBe('met');
    expect(clocks['verification'].onTime).toBe(true);
    expect(clocks['first-response']).toMatchObject({ unitCode: 'DINSOS', workingDays: 4, state: 'running' });
    expect(clocks['first-response'].dueAt).toEqual(calendar.addWorkingDays(jakartaInstant('2026-03-03T10:00'), 4));
    expect(clocks['resolution']).toMatchObject({ workingDays: 14, state: 'running' });
    expect(clocks['resolution'].dueAt).toEqual(calendar.addWorkingDays(jakartaInstant(RECEIVED), 14));
  });

  it('meets a deadline late and says so, with the working days taken', () => {
    const facts = fold(
      event('ticket.received', 'received', RECEIVED, null),
      event('ticket.assigned', 'assigned', '2026-03-02T10:00'),
      event('ticket.work-started', 'in_progress', '2026-03-10T10:00'),
    );
    const first = byKind(slaClocks(facts, ctx))['first-response'];
    expect(first).toMatchObject({ state: 'met', onTime: false, workingDaysTaken: 6 });
  });

  it('holds every running clock while the ticket waits for the reporter, and moves the deadline by the wait', () => {
    const waiting = fold(
      event('ticket.received', 'received', RECEIVED, null),
      event('ticket.assigned', 'assigned', '2026-03-02T10:00'),
      event('ticket.sla-paused', 'waiting_reporter', '2026-03-03T10:00'),
    );
    const paused = byKind(slaClocks(waiting, ctx));
    expect(paused['first-response']).toMatchObject({ state: 'paused', dueAt: null });
    expect(paused['resolution'].state).toBe('paused');

    const resumed = applyTicketEvent(waiting, event('ticket.sla-resumed', 'in_progress', '2026-03-05T10:00'));
    const first = byKind(slaClocks(resumed, ctx))['first-response'];
    const unpaused = calendar.addWorkingDays(jakartaInstant('2026-03-02T10:00'), 4);
    expect(first.state).toBe('running');
    // The deadline moves by the working time the wait took (a weekend in between adds no working time).
    expect(calendar.workingMillisBetween(unpaused, first.dueAt!)).toBe(calendar.workingMillisBetween(jakartaInstant('2026-03-03T10:00'), jakartaInstant('2026-03-05T10:00')));
  });

  it('starts auto-close at the answer and cancels it when the reporter reopens', () => {
    const answered = fold(
      event('ticket.received', 'received', RECEIVED, null),
      event('ticket.assigned', 'assigned', '2026-03-02T10:00'),
      event('ticket.answered', 'answered', '2026-03-04T10:00'),
    );
    const clocks = byKind(slaClocks(answered, ctx));
    expect(clocks['first-response'].state).toBe('met');
    expect(clocks['resolution']).toMatchObject({ state: 'met', onTime: true });
    expect(clocks['auto-close']).toMatchObject({ state: 'running', workingDays: 10 });

    const reopened = byKind(slaClocks(applyTicketEvent(answered, event('ticket.reopened', 'reopened', '2026-03-05T10:00')), ctx));
    expect(reopened['auto-close']).toBeUndefined();
    expect(reopened['resolution'].state).toBe('running');
  });

  it('cancels what is still owed when the ticket is archived or sent back as "bukan kewenangan"', () => {
    const base = [event('ticket.received', 'received', RECEIVED, null), event('ticket.assigned', 'assigned', '2026-03-02T10:00')];
    const refused = byKind(slaClocks(fold(...base, event('ticket.reassign-requested', 'reassign_requested', '2026-03-03T10:00')), ctx));
    expect(refused['first-response']).toBeUndefined();
    expect(refused['resolution'].state).toBe('cancelled');
    version = 0;
    const archived = slaClocks(fold(event('ticket.received', 'triage', RECEIVED, null), event('ticket.archived', 'archived', '2026-03-02T11:00', null)), ctx);
    expect(archived.map((c) => c.state)).toEqual(['cancelled']);
  });
});

describe('timers', () => {
  const reminders = reminderRulesOf(ESCALATION_LADDER_DEFAULT);

  it('reads the reminder rules of the escalation ladder', () => {
    expect(reminders).toEqual([
      { fraction: 0.5, roles: ['officer'] },
      { fraction: 0.8, roles: ['officer', 'unit_head'] },
    ]);
  });

  it('plans reminders at 50 % and 80 % of the working time and the breach at the deadline, with deterministic ids', () => {
    const facts = fold(event('ticket.received', 'received', RECEIVED, null), event('ticket.assigned', 'assigned', '2026-03-02T10:00'));
    const first = byKind(slaClocks(facts, ctx))['first-response'];
    const timers = plannedTimers(TICKET, first, reminders, calendar, facts.pauses);
    expect(timers.map((t) => [t.what, t.fraction, t.roles])).toEqual([
      ['reminder', 0.5, ['officer']],
      ['reminder', 0.8, ['officer', 'unit_head']],
      ['breach', null, []],
    ]);
    expect(timers[2].fireAt).toEqual(first.dueAt);
    expect(timers[0].fireAt).toEqual(calendar.fractionPoint(first.startsAt, first.dueAt!, 0.5));
    expect(timers[0].fireAt < timers[1].fireAt && timers[1].fireAt < timers[2].fireAt).toBe(true);
    expect(timers.map((t) => t.id)).toEqual(plannedTimers(TICKET, first, reminders, calendar, facts.pauses).map((t) => t.id));
    expect(timers.every((t) => !t.id.includes(':'))).toBe(true); // BullMQ refuses ':' in custom job ids
  });

  it('reminds the admin of verification, nobody of auto-close, and plans nothing for a clock that does not run', () => {
    const received = fold(event('ticket.received', 'triage', RECEIVED, null));
    const verification = slaClocks(received, ctx)[0];
    expect(plannedTimers(TICKET, verification, reminders, calendar, []).filter((t) => t.what === 'reminder').map((t) => t.roles)).toEqual([['admin'], ['admin']]);

    const answered = fold(
      event('ticket.received', 'received', RECEIVED, null),
      event('ticket.assigned', 'assigned', '2026-03-02T10:00'),
      event('ticket.answered', 'answered', '2026-03-04T10:00'),
    );
    const clocks = byKind(slaClocks(answered, ctx));
    expect(plannedTimers(TICKET, clocks['auto-close'], reminders, calendar, []).map((t) => t.what)).toEqual(['breach']);
    expect(plannedTimers(TICKET, clocks['resolution'], reminders, calendar, [])).toEqual([]);
  });

  it('gives a new disposition new timer ids and a moved deadline the same ids', () => {
    const first = fold(event('ticket.received', 'received', RECEIVED, null), event('ticket.assigned', 'assigned', '2026-03-02T10:00', 'DLH'));
    const idsOf = (f: TicketClockFacts) => plannedTimers(TICKET, byKind(slaClocks(f, ctx))['first-response'], reminders, calendar, f.pauses).map((t) => t.id);
    const again = applyTicketEvent(
      applyTicketEvent(first, event('ticket.reassign-requested', 'reassign_requested', '2026-03-02T11:00', 'DLH')),
      event('ticket.assigned', 'assigned', '2026-03-02T12:00', 'SDABMBK'),
    );
    expect(idsOf(again)).not.toEqual(idsOf(first));
    const pausedAndResumed = applyTicketEvent(
      applyTicketEvent(first, event('ticket.sla-paused', 'waiting_reporter', '2026-03-02T11:00', 'DLH')),
      event('ticket.sla-resumed', 'in_progress', '2026-03-03T11:00', 'DLH'),
    );
    expect(idsOf(pausedAndResumed)).toEqual(idsOf(first));
  });
});
