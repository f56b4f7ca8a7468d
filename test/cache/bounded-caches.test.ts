// The in-memory caches are bounded by bytes, not entries: the Content API's parsed documents and
// persisted queries, and the staff API's Apollo documentStore, never hold more than their
// budget, whatever the size of the queries sent (a 60 KB comment counts as 60 KB).
import { parse } from 'graphql'
import { describe, expect, it } from 'vitest'
import { ByteLru } from '../../src/cache/byte-lru'
import {
  boundedDocumentStore,
  boundedPersistedQueries,
  documentBytes,
  STAFF_DOCUMENT_BYTES,
  STAFF_PERSISTED_BYTES,
} from '../../src/cache/document-size'
import { persistedQuery, persistedStore, rememberPersisted } from '../../src/content/persisted'
import { createHash } from 'node:crypto'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe('ByteLru', () => {
  it('never holds more than its byte budget and evicts the least recently used', () => {
    const cache = new ByteLru<string, string>({
      maxBytes: 1000,
      sizeOf: (key, value) => key.length + value.length,
    })
    for (let i = 0; i < 500; i++) {
      cache.set(`k${i}`, 'x'.repeat(i % 120))
      expect(cache.bytes).toBeLessThanOrEqual(1000)
    }
    const lru = new ByteLru<string, string>({
      maxBytes: 300,
      maxEntryBytes: 100,
      sizeOf: (_k, v) => v.length,
    })
    lru.set('a', 'x'.repeat(100))
    lru.set('b', 'x'.repeat(100))
    lru.set('c', 'x'.repeat(100))
    lru.get('a')
    lru.set('d', 'x'.repeat(100))
    expect([lru.has('a'), lru.has('b'), lru.has('c'), lru.has('d')]).toEqual([
      true,
      false,
      true,
      true,
    ])
    expect(lru.bytes).toBe(300)
  })

  it('does not store an entry larger than maxEntryBytes (default an eighth of the budget)', () => {
    const cache = new ByteLru<string, string>({ maxBytes: 800, sizeOf: (_k, v) => v.length })
    expect(cache.set('small', 'x'.repeat(100))).toBe(true)
    expect(cache.set('large', 'x'.repeat(101))).toBe(false)
    expect(cache.has('large')).toBe(false)
    expect(cache.has('small')).toBe(true)
  })
})

describe('documentBytes', () => {
  it('counts the source text a document keeps, comments included', () => {
    const plain = parse('{ stories { nodes { slug } } }')
    const padded = parse(`# ${'p'.repeat(60_000)}\n{ stories { nodes { slug } } }`)
    expect(documentBytes(padded) - documentBytes(plain)).toBeGreaterThanOrEqual(60_000)
  })

  it('measures a document nested thousands deep without overflowing the stack', () => {
    const deep = parse(`{ ${'a { '.repeat(1000)}id${' }'.repeat(1000)} }`, { maxTokens: 10_000 })
    expect(documentBytes(deep)).toBeGreaterThan(1000 * 200)
  })
})

describe('the staff API documentStore', () => {
  it('holds at most its budget of documents padded with 60 KB comments', async () => {
    const { cache, store } = boundedDocumentStore()
    for (let i = 0; i < 700; i++) {
      const source = `# ${'p'.repeat(60_000)}\nquery Q${i} { articles(take: 1) { id } }`
      await store.set(`apq:${sha256(source)}`, parse(source))
      expect(cache.bytes).toBeLessThanOrEqual(STAFF_DOCUMENT_BYTES)
    }
    // 700 × 60 KB would be 42 MB; the budget keeps a few dozen.
    expect(cache.size).toBeLessThan(100)
    expect(cache.size).toBeGreaterThan(10)
  })
})

describe('the staff API persisted queries (APQ)', () => {
  it('holds at most its budget of texts padded with 60 KB comments', async () => {
    const { cache, store } = boundedPersistedQueries()
    for (let i = 0; i < 700; i++) {
      const text = `# ${'p'.repeat(60_000)}\nquery Q${i} { articles(take: 1) { id } }`
      await store.set(sha256(text), text)
      expect(cache.bytes).toBeLessThanOrEqual(STAFF_PERSISTED_BYTES)
    }
    expect(cache.size).toBeGreaterThan(10)
  })
})

describe('the Content API persisted queries', () => {
  it('stores a text only when remembered, and stays within its byte budget', () => {
    const text = `{ stories { nodes { slug } } } # ${'x'.repeat(99_000)}`
    const hash = sha256(text)
    // Accepted by the hash check, not yet by the others: not stored.
    expect(persistedQuery(text, { persistedQuery: { version: 1, sha256Hash: hash } })).toEqual({
      query: text,
      hash,
    })
    expect(() =>
      persistedQuery(undefined, { persistedQuery: { version: 1, sha256Hash: hash } })
    ).toThrow('PersistedQueryNotFound')
    for (let i = 0; i < 2000; i++) {
      const query = `query Q${i} { stories { nodes { slug } } } # ${'y'.repeat(900)}`
      rememberPersisted(sha256(query), query)
    }
    const { size, bytes } = persistedStore()
    expect(bytes).toBeLessThanOrEqual(2 * 1024 * 1024)
    expect(size).toBeGreaterThan(500)
  })
})
