/**
 * A bounded cache that forgets the least recently used entry first. The caches it serves hold what
 * content hashes or statement texts name, so an entry can never be stale: the bound is only there so
 * that a stream of new keys (drafts, ad-hoc queries) cannot grow memory without end. A Map keeps
 * insertion order, so moving an entry to the end on every hit is all the bookkeeping it needs.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`an LRU cache holds at least one entry, not ${capacity}`);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The entry, now the most recently used; undefined when it is not held. */
  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    // has() was true, so the entry is there; V itself may include undefined.
    const value = this.#entries.get(key) as V;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, value);
  }

  /** The entry under the key, made by `make` and kept when it is not held yet. */
  getOrSet(key: K, make: () => V): V {
    // Held, so get() finds it; V itself may include undefined.
    if (this.#entries.has(key)) return this.get(key) as V;
    const value = make();
    this.set(key, value);
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
