import { staleBreachReason, type SlaBreachFacts } from './sla-breach';

const answeredAt = new Date('2026-03-03T03:00:00Z');
const ticket = (status: string, unitCode: string | null = 'DLH') => ({ status, unitCode, answeredAt }) as Parameters<typeof staleBreachReason>[0];
const breach = (deadlineKind: SlaBreachFacts['deadlineKind'], changes: Partial<SlaBreachFacts> = {}): SlaBreachFacts => ({
  deadlineKind, unitCode: 'DLH', deadlineAt: new Date('2026-03-17T17:00:00Z'), ...changes,
});

describe('which SLA breaches still apply', () => {
  it('closes an answered ticket on its own auto-close countdown only', () => {
    expect(staleBreachReason(ticket('answered'), breach('auto-close'))).toBeNull();
    expect(staleBreachReason(ticket('reopened'), breach('auto-close'))).toMatch(/not answered/);
    expect(staleBreachReason(ticket('answered', 'DINSOS'), breach('auto-close'))).toMatch(/countdown was DLH/);
    expect(staleBreachReason(ticket('answered'), breach('auto-close', { deadlineAt: new Date('2026-03-01T00:00:00Z') }))).toMatch(/precedes the current answer/);
  });

  it('marks a ticket overdue unless it ended or another unit holds its first response now', () => {
    expect(staleBreachReason(ticket('in_progress'), breach('resolution'))).toBeNull();
    expect(staleBreachReason(ticket('assigned'), breach('first-response'))).toBeNull();
    expect(staleBreachReason(ticket('closed'), breach('resolution'))).toMatch(/closed/);
    expect(staleBreachReason(ticket('archived'), breach('verification'))).toMatch(/archived/);
    expect(staleBreachReason(ticket('assigned', 'DINSOS'), breach('first-response'))).toMatch(/now with DINSOS/);
    expect(staleBreachReason(ticket('assigned', 'DINSOS'), breach('resolution'))).toBeNull();
  });
});
