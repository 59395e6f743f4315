import { afterFailedDelivery, alertMessage, breachEscalates, closingOf, mailboxKey } from './escalation-alerts';

describe('escalation alerts outside the app', () => {
  it('says in Bahasa Indonesia who is alerted of which deadline of which unit', () => {
    expect(alertMessage(2, 'asda', 'first-response', 'Dinas Sosial')).toBe(
      'Eskalasi tingkat 2 kepada Asisten Daerah: tenggat tanggapan pertama laporan di Dinas Sosial telah terlewati dan belum dipenuhi.',
    );
  });

  it('addresses the mailbox of the position', () => {
    expect(mailboxKey({ role: 'unit_head', unitCode: 'DINSOS', asdaGroup: null })).toBe('unit_head:DINSOS');
    expect(mailboxKey({ role: 'asda', unitCode: null, asdaGroup: 'II' })).toBe('asda:II');
    expect(mailboxKey({ role: 'sekda', unitCode: null, asdaGroup: null })).toBe('sekda');
  });

  it('tries a failed delivery again after a doubling pause, and gives up at the last attempt', () => {
    expect([1, 2, 3, 11].map((a) => afterFailedDelivery(a, 12))).toEqual([
      { giveUp: false, retryInMs: 1_000 }, { giveUp: false, retryInMs: 2_000 }, { giveUp: false, retryInMs: 4_000 }, { giveUp: false, retryInMs: 600_000 },
    ]);
    expect(afterFailedDelivery(8, 8)).toEqual({ giveUp: true });
  });
});

describe('what ends a case', () => {
  it('resolves on the deadline met, cancels on the ticket\'s end or its move to another unit', () => {
    expect(closingOf({ kind: 'deadline-met', deadlineKind: 'resolution' })).toEqual({ state: 'resolved', reason: 'tenggat dipenuhi', deadlineKind: 'resolution' });
    expect(closingOf({ kind: 'closed' })).toMatchObject({ state: 'cancelled' });
    expect(closingOf({ kind: 'refused', unitCode: 'DLH' })).toMatchObject({ state: 'cancelled', unitCode: 'DLH' });
    expect(closingOf({ kind: 'assigned', unitCode: 'DINSOS' })).toMatchObject({ state: 'cancelled', otherThanUnit: 'DINSOS' });
    expect(closingOf({ kind: 'assigned', unitCode: null })).toBeNull();
  });

  it('alerts nobody of the auto-close deadline', () => {
    expect(['verification', 'first-response', 'resolution', 'auto-close'].map(breachEscalates)).toEqual([true, true, true, false]);
  });
});
