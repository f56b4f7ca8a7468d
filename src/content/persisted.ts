// Persisted queries, in Apollo's automatic shape (APQ): a client sends
// `extensions.persistedQuery = { version: 1, sha256Hash }`, with the query text the first time
// (kept after its hash is checked) and without it afterwards, so GET URLs stay short and
// CDN-cacheable. Kept in memory per process, bounded; a miss asks the client for the text again
// (PERSISTED_QUERY_NOT_FOUND, which Apollo's and urql's clients answer by sending it).
import { createHash } from 'node:crypto'
import { refusal } from './budget'

const LIMIT = 1000
const known = new Map<string, string>()

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** The query text to run: the one given, or the persisted one its hash names; else a refusal. */
export function persistedQuery(query: string | undefined, extensions?: Record<string, unknown>) {
  const persisted = extensions?.persistedQuery as
    { version?: unknown; sha256Hash?: unknown } | undefined
  if (!persisted) {
    if (!query) throw refusal('Send a `query` (or a persisted query’s sha256Hash)')
    return query
  }
  const hash = persisted.sha256Hash
  if (persisted.version !== 1 || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))
    throw refusal('A persisted query is { version: 1, sha256Hash: <64 hex digits> }')
  if (query) {
    if (sha256(query) !== hash)
      throw refusal('provided sha does not match query', 'PERSISTED_QUERY_HASH_MISMATCH')
    if (!known.has(hash)) {
      if (known.size >= LIMIT) known.delete(known.keys().next().value!)
      known.set(hash, query)
    }
    return query
  }
  const stored = known.get(hash)
  if (stored === undefined) throw refusal('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND')
  return stored
}
