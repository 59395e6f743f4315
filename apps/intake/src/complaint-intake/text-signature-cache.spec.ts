import { TextSignatureCache } from './text-signature-cache';

const signature = (n: number) => ({ words: Uint32Array.of(n), shingles: Uint32Array.of(n, n + 1) });

describe('TextSignatureCache', () => {
  it('returns what was stored under the id, and nothing for another id', () => {
    const cache = new TextSignatureCache(10);
    cache.set('a', signature(1));
    expect(cache.get('a')).toEqual(signature(1));
    expect(cache.get('b')).toBeUndefined();
  });

  it('holds at most its capacity, dropping the entry stored longest ago', () => {
    const cache = new TextSignatureCache(2);
    cache.set('a', signature(1));
    cache.set('b', signature(2));
    cache.set('c', signature(3));
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual(signature(2));
    expect(cache.get('c')).toEqual(signature(3));
  });

  it('counts an entry stored again as new, so it outlives those stored between', () => {
    const cache = new TextSignatureCache(2);
    cache.set('a', signature(1));
    cache.set('b', signature(2));
    cache.set('a', signature(1));
    cache.set('c', signature(3));
    expect(cache.get('a')).toEqual(signature(1));
    expect(cache.get('b')).toBeUndefined();
  });
});
