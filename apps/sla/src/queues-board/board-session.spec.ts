import { BoardSessions, cookieOf } from './board-session';

describe('Bull Board sessions', () => {
  it('admits a cookie it issued until it expires', () => {
    const sessions = new BoardSessions();
    const now = Date.parse('2026-12-01T03:00:00Z');
    const { value, maxAge } = sessions.issue('u-1', now);
    expect(sessions.valid(value, now + 1000)).toBe(true);
    expect(sessions.valid(value, now + maxAge * 1000 + 1)).toBe(false);
  });

  it('refuses forged, altered or foreign cookies', () => {
    const sessions = new BoardSessions();
    const { value } = sessions.issue('u-1');
    const [exp, user, sig] = value.split('.');
    expect(sessions.valid(`${Number(exp) + 1000}.${user}.${sig}`)).toBe(false);
    expect(sessions.valid(new BoardSessions().issue('u-1').value)).toBe(false);
    expect(sessions.valid('x')).toBe(false);
    expect(sessions.valid(undefined)).toBe(false);
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(cookieOf('a=1; bekasi_board=x.y.z; b=2', 'bekasi_board')).toBe('x.y.z');
    expect(cookieOf(undefined, 'bekasi_board')).toBeUndefined();
  });
});
