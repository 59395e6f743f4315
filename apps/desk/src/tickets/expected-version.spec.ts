import { expectedVersionOf } from './tickets.http.controller';

describe('the version a command expects', () => {
  it.each([
    ['3', {}, 3],
    ['"4"', {}, 4],
    ['W/"5"', { version: 9 }, 5],
    [undefined, { version: 7 }, 7],
  ])('If-Match %s with body %j → %i', (header, body, expected) => {
    expect(expectedVersionOf(header, body)).toBe(expected);
  });

  it('refuses a command without a version (428) and a malformed one (400)', () => {
    expect(() => expectedVersionOf(undefined, {})).toThrow(expect.objectContaining({ status: 428 }));
    expect(() => expectedVersionOf('abc', {})).toThrow(expect.objectContaining({ status: 400 }));
  });
});
