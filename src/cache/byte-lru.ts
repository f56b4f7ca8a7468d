// A least-recently-used cache bounded by bytes, not entries: each entry's size is estimated when
// it is stored (`sizeOf`), the total never passes `maxBytes`, and an entry larger than
// `maxEntryBytes` is not stored at all (one large query must not push out every small one).
// Used for parsed GraphQL documents (src/cache/document-size.ts) and persisted query texts.
export type ByteLruOptions<K, V> = {
  /** The most bytes all entries together may hold. */
  maxBytes: number
  /** The largest single entry stored, bytes (default: maxBytes / 8). */
  maxEntryBytes?: number
  /** The estimated bytes an entry holds in memory, key included. */
  sizeOf: (key: K, value: V) => number
}

/** A Map in recency order (oldest first) whose estimated total stays within `maxBytes`. */
export class ByteLru<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number }>()
  private total = 0
  readonly maxBytes: number
  readonly maxEntryBytes: number

  constructor(private readonly options: ByteLruOptions<K, V>) {
    this.maxBytes = options.maxBytes
    this.maxEntryBytes = Math.min(options.maxEntryBytes ?? options.maxBytes / 8, options.maxBytes)
  }

  /** The estimated bytes held now (never more than maxBytes). */
  get bytes() {
    return this.total
  }

  get size() {
    return this.entries.size
  }

  has(key: K) {
    return this.entries.has(key)
  }

  /** The value, marked as most recently used; undefined on a miss. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }

  /** Stores the value unless it alone is over maxEntryBytes; evicts the oldest to make room. */
  set(key: K, value: V): boolean {
    this.delete(key)
    const bytes = this.options.sizeOf(key, value)
    if (!(bytes <= this.maxEntryBytes)) return false
    while (this.total + bytes > this.maxBytes) {
      const oldest = this.entries.keys().next()
      if (oldest.done) break
      this.delete(oldest.value)
    }
    this.entries.set(key, { value, bytes })
    this.total += bytes
    return true
  }

  delete(key: K): boolean {
    const entry = this.entries.get(key)
    if (!entry) return false
    this.entries.delete(key)
    this.total -= entry.bytes
    return true
  }
}

/**
 * Apollo Server's KeyValueCache over a ByteLru: its `documentStore` (parsed documents, bounded
 * with their source text counted, which Apollo's default store leaves out) and its persisted
 * queries' cache (texts). Apollo's `ttl` option is ignored: entries go by recency and bytes.
 */
export function keyValueCache<V>(cache: ByteLru<string, V>) {
  return {
    get: async (key: string) => cache.get(key),
    set: async (key: string, value: V) => void cache.set(key, value),
    delete: async (key: string) => cache.delete(key),
  }
}
