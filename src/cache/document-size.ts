// The memory a parsed GraphQL document keeps alive, estimated: its source text (which every
// node's `loc` retains, comments and padding included) at two bytes a character (V8 may store
// it as UTF-16), its token chain and its AST nodes. The per-object figures were measured on
// Node 22 with graphql-js 16 (300 aliased fields: 270 KB estimated for 264 KB retained; a 60 KB comment: 123 KB for 64 KB).
import type { DocumentNode } from 'graphql'
import { ByteLru, keyValueCache } from './byte-lru'

/** Bytes per AST node (the node, its `loc` and arrays), and per lexical token. */
const NODE_BYTES = 200
const TOKEN_BYTES = 72

/** The estimated bytes `document` and the text it was parsed from hold in memory. */
export function documentBytes(document: DocumentNode): number {
  const source = document.loc?.source.body.length ?? 0
  let tokens = 0
  for (let token = document.loc?.startToken; token; token = token.next ?? undefined) tokens++
  return source * 2 + tokens * TOKEN_BYTES + countNodes(document) * NODE_BYTES
}

/** AST nodes (objects with a `kind`) under `node`, without walking into `loc`. */
function countNodes(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + countNodes(item), 0)
  if (node === null || typeof node !== 'object') return 0
  let count = 'kind' in node ? 1 : 0
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'loc' && value !== null && typeof value === 'object') count += countNodes(value)
  }
  return count
}

/** The staff API's parsed documents kept (Apollo's documentStore), estimated bytes. */
export const STAFF_DOCUMENT_BYTES = 8 * 1024 * 1024

/**
 * Apollo Server's `documentStore`, bounded by estimated bytes with the source text counted: a
 * query padded with a long comment weighs what it holds. Larger than 1 MiB: parsed every time.
 */
export function boundedDocumentStore(maxBytes = STAFF_DOCUMENT_BYTES) {
  const cache = new ByteLru<string, DocumentNode>({
    maxBytes,
    maxEntryBytes: Math.min(1024 * 1024, maxBytes),
    sizeOf: (key, document) => key.length * 2 + documentBytes(document),
  })
  return { cache, store: keyValueCache(cache) }
}

/** The staff API's persisted query texts kept (Apollo's APQ cache; its default holds 30 MiB). */
export const STAFF_PERSISTED_BYTES = 4 * 1024 * 1024

/** Apollo Server's `persistedQueries.cache`: query texts by hash, bounded by bytes. */
export function boundedPersistedQueries(maxBytes = STAFF_PERSISTED_BYTES) {
  const cache = new ByteLru<string, string>({
    maxBytes,
    maxEntryBytes: Math.min(256 * 1024, maxBytes),
    sizeOf: (key, text) => (key.length + text.length) * 2 + 100,
  })
  return { cache, store: keyValueCache(cache) }
}
