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

/**
 * AST nodes (objects with a `kind`) under `root`, without walking into `loc`. Iterative: Apollo
 * stores a document nested thousands deep before the depth budget refuses it.
 */
function countNodes(root: unknown): number {
  let count = 0
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()
    if (node === null || typeof node !== 'object') continue
    if (Array.isArray(node)) {
      stack.push(...node)
      continue
    }
    if ('kind' in node) count++
    for (const [key, value] of Object.entries(node)) if (key !== 'loc') stack.push(value)
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
