// The three read queries a newsroom frontend sends, as anonymous readers: the public read
// path's own documents (src/public/documents.ts), compared byte for byte with the bare baseline.

import { latest, personPage, storyPage } from '../../src/public/documents'

export { latest, personPage, storyPage }

export type QueryName = 'story' | 'latest' | 'person'

export type BenchQuery = {
  name: QueryName
  label: string
  document: string
  /** Which archive slugs the `$slug` variable is drawn from (none: no variables). */
  slugs: 'stories' | 'authors' | null
}

export const queries: BenchQuery[] = [
  { name: 'story', label: 'story page by slug', document: storyPage, slugs: 'stories' },
  { name: 'latest', label: 'latest 20 with authors', document: latest, slugs: null },
  { name: 'person', label: 'person page (latest 20)', document: personPage, slugs: 'authors' },
]

/** The POST body for one request; the same bytes go to Keystone and to the baseline. */
export function requestBody(query: BenchQuery, slug: string | undefined): string {
  return JSON.stringify(
    query.slugs ? { query: query.document, variables: { slug } } : { query: query.document }
  )
}
