// Persisted queries, in Apollo's automatic shape (APQ): a client sends
// `extensions.persistedQuery = { version: 1, sha256Hash }`, with the query text the first time
// and without it afterwards, so GET URLs stay short and CDN-cacheable. A text is kept only once
// it has passed every check (hash, length, parse, validation: ./http.ts calls `rememberPersisted`
// after `prepare`), in memory per process, bounded by bytes; a miss asks the client for the text
// again (PERSISTED_QUERY_NOT_FOUND, which Apollo's and urql's clients answer by sending it).
import { createHash } from 'node:crypto'
import { ByteLru } from '../cache/byte-lru'
import { refusal } from './budget'

/** 2 MiB of texts: ~100 of the longest queries the budget allows, thousands of usual ones. */
export const PERSISTED_BYTES = 2 * 1024 * 1024
// Two bytes a character (V8 may store text as UTF-16), the hash key and the Map entry.
const known = new ByteLru<string, string>({
  maxBytes: PERSISTED_BYTES,
  sizeOf: (hash, query) => (hash.length + query.length) * 2 + 100,
})

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * The query text to run: the one given, or the persisted one its hash names; else a refusal.
 * `hash` is set when the client sent a text with its hash: pass it to `rememberPersisted`
 * once the text has passed every check.
 */
export function persistedQuery(
  query: string | undefined,
  extensions?: Record<string, unknown>
): { query: string; hash?: string } {
  const persisted = extensions?.persistedQuery as
    { version?: unknown; sha256Hash?: unknown } | undefined
  if (!persisted) {
    if (!query) throw refusal('Send a `query` (or a persisted query’s sha256Hash)')
    return { query }
  }
  const hash = persisted.sha256Hash
  if (persisted.version !== 1 || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))
    throw refusal('A persisted query is { version: 1, sha256Hash: <64 hex digits> }')
  if (query) {
    if (sha256(query) !== hash)
      throw refusal('provided sha does not match query', 'PERSISTED_QUERY_HASH_MISMATCH')
    return { query, hash }
  }
  const stored = known.get(hash)
  if (stored === undefined) throw refusal('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND')
  return { query: stored }
}

/** Keeps a persisted query that passed every check (the least recently used go first). */
export function rememberPersisted(hash: string, query: string) {
  if (!known.has(hash)) known.set(hash, query)
}

/** What the store holds now: entries and estimated bytes (for tests and measurements). */
export const persistedStore = () => ({ size: known.size, bytes: known.bytes })
