import { TicketWait } from './ticket-wait';

const MIN = 60_000;

describe('TicketWait, an update whose ticket is not open yet', () => {
  it('waits five minutes, then gives up for every later attempt (the per-event ones before the dead-letter topic)', () => {
    const wait = new TicketWait(5 * MIN);
    expect(wait.verdict('e1', 0)).toBe('wait');
    expect(wait.verdict('e1', 5 * MIN - 1)).toBe('wait');
    expect(wait.verdict('e1', 5 * MIN)).toBe('give-up');
    // Tried alone afterwards: it must not start waiting anew (that would pause the partition again).
    for (let attempt = 1; attempt <= 3; attempt++) expect(wait.verdict('e1', 5 * MIN + attempt * 1_000)).toBe('give-up');
  });

  it('counts each update from its own first attempt, and starts again once its ticket came', () => {
    const wait = new TicketWait(5 * MIN);
    wait.verdict('e1', 0);
    expect(wait.verdict('e2', 4 * MIN)).toBe('wait');
    expect(wait.verdict('e2', 8 * MIN)).toBe('wait');
    wait.done('e1');
    expect(wait.verdict('e1', 10 * MIN)).toBe('wait');
  });

  it('forgets an update given up long ago (dead-lettered since), so a replay of it waits again', () => {
    const wait = new TicketWait(5 * MIN);
    wait.verdict('old', 0);
    expect(wait.verdict('new', 21 * MIN)).toBe('wait');
    expect(wait.verdict('old', 21 * MIN)).toBe('wait');
  });
});
