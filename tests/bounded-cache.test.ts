/**
 * The caches of compiled rules, parsed documents, units and prepared statements forget the entry used
 * longest ago once they are full, so that a stream of drafts or ad-hoc texts cannot grow memory, while
 * what is read again and again stays.
 */
import { describe, expect, it } from 'vitest';
import { LruCache } from '../src/platform/lru.js';

describe('a bounded cache', () => {
  it('forgets the least recently used entry when a new one arrives at capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('makes an entry once and hands out the same one after', () => {
    const cache = new LruCache<string, { made: number }>(4);
    let made = 0;
    const first = cache.getOrSet('k', () => ({ made: ++made }));
    const again = cache.getOrSet('k', () => ({ made: ++made }));
    expect(again).toBe(first);
    expect(made).toBe(1);
  });

  it('keeps an entry whose value is undefined, and replacing a key does not evict another', () => {
    const cache = new LruCache<string, number | undefined>(2);
    cache.set('a', undefined);
    cache.set('b', 2);
    cache.set('b', 3);
    let made = 0;
    expect(cache.getOrSet('a', () => ++made)).toBeUndefined();
    expect(made).toBe(0);
    expect(cache.get('b')).toBe(3);
  });

  it('refuses a capacity below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
