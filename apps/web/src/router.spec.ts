import { href, parseRoute } from './router';

describe('hash routes', () => {
  it('reads the screen, its id and its query', () => {
    const r = parseRoute('#/tickets/abc?x=1');
    expect(r.path).toEqual(['tickets', 'abc']);
    expect(r.params.get('x')).toBe('1');
    expect(parseRoute('').path).toEqual([]);
  });

  it('writes a route without empty parameters', () => {
    expect(href('inbox', { bucket: 'new', q: '', page: null })).toBe('#/inbox?bucket=new');
    expect(parseRoute(href('inbox', { q: 'jalan rusak & banjir' })).params.get('q')).toBe('jalan rusak & banjir');
  });
});
