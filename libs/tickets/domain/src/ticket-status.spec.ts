import { PAUSABLE_STATUSES, STATUS_LABELS, TICKET_STATUSES, isOpen, isPausable, isSlaRunning, slaClockOf, type TicketStatus } from './ticket-status';

// status → [open, unit SLA running, clock]
const EXPECTED: Record<Exclude<TicketStatus, 'waiting_reporter'>, [boolean, boolean, string | null]> = {
  received: [true, false, 'disposition'],
  triage: [true, false, 'disposition'],
  reassign_requested: [true, false, 'disposition'],
  assigned: [true, true, 'follow_up'],
  acknowledged: [true, true, 'follow_up'],
  in_progress: [true, true, 'follow_up'],
  reopened: [true, true, 'follow_up'],
  answered: [true, false, 'auto_close'],
  closed: [false, false, null],
  archived: [false, false, null],
};

describe('ticket status', () => {
  it.each(Object.entries(EXPECTED))('%s: open, unit SLA running, clock', (status, [open, running, clock]) => {
    const s = status as TicketStatus;
    expect(isOpen(s)).toBe(open);
    expect(isSlaRunning(s)).toBe(running);
    expect(slaClockOf({ status: s, pausedFrom: null })).toEqual(clock === null ? null : { clock, running: true });
  });

  it('stops the clock it paused while waiting for the reporter', () => {
    expect(isOpen('waiting_reporter')).toBe(true);
    expect(isSlaRunning('waiting_reporter')).toBe(false);
    expect(slaClockOf({ status: 'waiting_reporter', pausedFrom: 'triage' })).toEqual({ clock: 'disposition', running: false });
    for (const pausedFrom of ['acknowledged', 'in_progress', 'reopened'] as const) {
      expect(slaClockOf({ status: 'waiting_reporter', pausedFrom })).toEqual({ clock: 'follow_up', running: false });
    }
  });

  it('pauses only from triage and the unit’s working statuses', () => {
    expect(TICKET_STATUSES.filter(isPausable)).toEqual([...PAUSABLE_STATUSES]);
    expect(PAUSABLE_STATUSES).toEqual(['triage', 'acknowledged', 'in_progress', 'reopened']);
  });

  it('has distinct labels in both languages for every status', () => {
    const ids = TICKET_STATUSES.map((s) => STATUS_LABELS[s].id);
    expect(new Set(ids).size).toBe(TICKET_STATUSES.length);
    for (const s of TICKET_STATUSES) expect(STATUS_LABELS[s].en).not.toBe('');
  });
});
