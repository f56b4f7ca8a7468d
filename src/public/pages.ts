// The public pages the read model serves: each public document (./documents.ts) with the key
// its variables give and the builder of its answer.
import { buildLatest, buildPeople, buildStories, type Built } from './build'
import { latest, personPage, storyPage } from './documents'
import type { Sql } from './read-model'

export type PublicPage = {
  name: string
  document: string
  /** The read-model key for these request variables; null when they are not this page's. */
  key(variables: unknown): string | null
  /** Builds the pages with these keys (./build.ts), any number in a few statements. */
  build(db: Sql, keys: readonly string[], now: Date): Promise<Map<string, Built>>
}

/** Exactly `{ slug: "<non-empty string>" }`. */
function slugOf(variables: unknown): string | null {
  if (typeof variables !== 'object' || variables === null) return null
  const entries = Object.entries(variables)
  if (entries.length !== 1 || entries[0]![0] !== 'slug') return null
  const slug = entries[0]![1]
  return typeof slug === 'string' && slug !== '' && slug.length <= 200 ? slug : null
}

type BySlug = (db: Sql, slugs: string[], now: Date) => Promise<Map<string, Built>>

/** A page per slug, keyed `<name>:<slug>`. */
function slugPage(name: string, document: string, build: BySlug): PublicPage {
  const prefix = `${name}:`
  return {
    name,
    document,
    key: variables => {
      const slug = slugOf(variables)
      return slug === null ? null : prefix + slug
    },
    async build(db, keys, now) {
      const built = await build(
        db,
        keys.map(key => key.slice(prefix.length)),
        now
      )
      return new Map([...built].map(([slug, page]) => [prefix + slug, page]))
    },
  }
}

export const publicPages: readonly PublicPage[] = [
  slugPage('story', storyPage, buildStories),
  {
    name: 'latest',
    document: latest,
    key: variables =>
      variables === undefined ||
      (typeof variables === 'object' && !Object.keys(variables ?? {}).length)
        ? 'latest'
        : null,
    build: async (db, _keys, now) => new Map([['latest', await buildLatest(db, now)]]),
  },
  slugPage('person', personPage, buildPeople),
]

export const pageNamed = (name: 'story' | 'latest' | 'person') =>
  publicPages.find(page => page.name === name)!

const operationOf = (document: string) => /^query (\w+)/.exec(document)?.[1]

const byDocument = new Map(publicPages.map(page => [page.document, page]))

/** The public page a GraphQL request body asks for, with its key; null for any other request. */
export function pageFor(
  body: unknown
): { page: PublicPage; key: string; variables: Record<string, unknown> } | null {
  if (typeof body !== 'object' || body === null) return null
  const { query, variables, operationName, extensions, ...rest } = body as Record<string, unknown>
  if (Object.keys(rest).length > 0 || extensions !== undefined) return null
  if (typeof query !== 'string') return null
  const page = byDocument.get(query)
  if (!page) return null
  // Each public document is one named operation; a client may name it, but not another.
  if (operationName != null && operationName !== operationOf(page.document)) return null
  const key = page.key(variables ?? undefined)
  if (key === null) return null
  return { page, key, variables: (variables ?? {}) as Record<string, unknown> }
}
