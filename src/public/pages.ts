// The public pages the read model serves: each public document (./documents.ts) with the key
// its variables give and the refs its answer is built from.
import { latest, personPage, storyPage } from './documents'
import { anyOf, ref, type Ref } from './refs'

import type { Context } from '../../generated/keystone/types'

export type PublicPage = {
  name: string
  document: string
  /** The read-model key for these request variables; null when they are not this page's. */
  key(variables: unknown): string | null
  /** What the page shows, for dropping it when any of that changes (read with sudo). */
  refs(sudo: Context, variables: Record<string, unknown>): Promise<Ref[]>
}

/** Exactly `{ slug: "<non-empty string>" }`. */
function slugOf(variables: unknown): string | null {
  if (typeof variables !== 'object' || variables === null) return null
  const entries = Object.entries(variables)
  if (entries.length !== 1 || entries[0]![0] !== 'slug') return null
  const slug = entries[0]![1]
  return typeof slug === 'string' && slug !== '' && slug.length <= 200 ? slug : null
}

const keyed = (page: string, slug: string | null) => (slug === null ? null : `${page}:${slug}`)

type Ids = { id: string } | null
const idsOf = (list: string, items: unknown) =>
  ((Array.isArray(items) ? items : [items]) as Ids[]).flatMap(item =>
    item ? [ref(list, item.id)] : []
  )

const STORY_REFS = `id datelinePlace { id } copyrightHolder { id }
  authors { id } editors { id } people { id } organizations { id } sources { id }
  places { id } tags { id } relatedLinks { targetArticle { id } }`

export const publicPages: readonly PublicPage[] = [
  {
    name: 'story',
    document: storyPage,
    key: variables => keyed('story', slugOf(variables)),
    async refs(sudo, { slug }) {
      const story = await sudo.query.Article.findOne({
        where: { slug: String(slug) },
        query: STORY_REFS,
      })
      if (!story) return []
      return [
        ...idsOf('Article', story),
        ...idsOf('Place', story.datelinePlace),
        ...idsOf('Organization', story.copyrightHolder),
        ...['authors', 'editors', 'people'].flatMap(f => idsOf('Person', story[f])),
        ...['organizations', 'sources'].flatMap(f => idsOf('Organization', story[f])),
        ...idsOf('Place', story.places),
        ...idsOf('Tag', story.tags),
        ...idsOf(
          'Article',
          (story.relatedLinks as { targetArticle: Ids }[]).map(link => link.targetArticle)
        ),
      ]
    },
  },
  {
    name: 'latest',
    document: latest,
    key: variables =>
      variables === undefined ||
      (typeof variables === 'object' && !Object.keys(variables ?? {}).length)
        ? 'latest'
        : null,
    refs: async () => [anyOf('Article'), anyOf('Person')],
  },
  {
    name: 'person',
    document: personPage,
    key: variables => keyed('person', slugOf(variables)),
    async refs(sudo, { slug }) {
      const person = await sudo.query.Person.findOne({ where: { slug: String(slug) }, query: 'id' })
      return [...idsOf('Person', person), anyOf('Article')]
    },
  },
]

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
