// The three read queries a newsroom frontend sends, as anonymous readers. Every list has an
// explicit order on a unique key, so the answer is fully determined and can be compared byte for
// byte with the bare baseline.

/** Everything a story page shows. */
export const storyPage = `query StoryPage($slug: String!) {
  article(where: { slug: $slug }) {
    id headline slug summary body { document } language dateline
    datelinePlace { name slug }
    storyDate status publishedAt updatedAt killedAt killReason
    publicationNote sourceCredit copyrightNotice originalUrl
    copyrightHolder { name shortName slug }
    authors(orderBy: { slug: asc }) { name slug jobTitle }
    editors(orderBy: { slug: asc }) { name slug }
    people(orderBy: { slug: asc }) { name slug jobTitle }
    organizations(orderBy: { slug: asc }) { name shortName slug }
    places(orderBy: { slug: asc }) { name slug }
    tags(orderBy: { slug: asc }) { name slug }
    sources(orderBy: { slug: asc }) { name shortName slug }
    relatedLinks(orderBy: { position: asc }) {
      label url placement afterParagraph position
      targetArticle { headline slug }
    }
    corrections(orderBy: { createdAt: asc }) { kind note createdAt }
  }
}`

/** The front page: the latest 20 published stories with their authors. */
export const latest = `query Latest {
  articles(where: { status: { equals: "published" } }, orderBy: { publishedAt: desc }, take: 20) {
    id headline slug summary publishedAt dateline
    authors(orderBy: { slug: asc }) { name slug }
  }
}`

/** A person page: the person and the latest 20 published stories they wrote. */
export const personPage = `query PersonPage($slug: String!) {
  person(where: { slug: $slug }) {
    name slug jobTitle description
    authored(where: { status: { equals: "published" } }, orderBy: { publishedAt: desc }, take: 20) {
      headline slug summary publishedAt
    }
  }
}`

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
