// The benchmark's queries: the pages a newsroom frontend asks the Content API for
// (/api/content/graphql, docs/content-api.md), and `{ __typename }`, the floor of the same
// server (HTTP + GraphQL, no data). Each names where its variables come from in the archive's
// store; the same request bodies go to Warta and to the bare baseline.

export const CONTENT_PATH = '/api/content/graphql'

const card = 'id slug url headline publishedAt summary dateline authors { name slug }'
const page = `edges { cursor node { ${card} } } pageInfo { hasNextPage endCursor }`
const profilePage = (kind: string, fields: string) =>
  `query ${kind[0]!.toUpperCase()}${kind.slice(1)}Page($slug: String!) { ${kind}(slug: $slug) { ` +
  `id slug ${fields} stories(first: 20) { ${page} } } }`

export const documents = {
  story:
    'query StoryPage($slug: String!) { story(slug: $slug) { id slug url status headline ' +
    'publishedAt modifiedAt killNotice killedAt summary body { document html } language dateline ' +
    'datelinePlace { name slug } storyDate publicationNote sourceCredit copyrightNotice ' +
    'copyrightHolder { name shortName slug } originalUrl authors { name slug jobTitle } ' +
    'editors { name slug } people { name slug } organizations { name shortName slug } ' +
    'sources { name shortName slug } places { name slug } tags { name slug } relatedLinks { ' +
    'label url placement afterParagraph position target { headline slug url } } ' +
    'corrections { kind note createdAt } } }',
  storySmall:
    'query StoryTeaser($slug: String!) { story(slug: $slug) { slug url headline publishedAt ' +
    'summary authors { name slug } } }',
  front: `query FrontPage { stories(first: 20) { ${page} } }`,
  page2: `query NextPage($after: String!) { stories(first: 20, after: $after) { ${page} } }`,
  person: profilePage('person', 'name jobTitle description'),
  organization: profilePage('organization', 'name shortName kind url'),
  place: profilePage('place', 'name alternateName kind countryCode'),
  tag: profilePage('tag', 'name'),
  typename: '{ __typename }',
} as const

export type QueryName = keyof typeof documents
export const QUERY_NAMES = Object.keys(documents) as QueryName[]

/** Where a query's variable values come from. */
export type Source = 'stories' | 'person' | 'organization' | 'place' | 'tag' | 'cursor'

export type BenchQuery = {
  name: QueryName
  label: string
  document: string
  /** The variable's name and where its values come from; null: no variables. */
  variable: { name: 'slug' | 'after'; from: Source } | null
  /** Loaded on Warta only (the floor): the baseline's answer is not the point. */
  floor?: boolean
}

const slug = (from: Source) => ({ name: 'slug' as const, from })

export const queries: BenchQuery[] = [
  { name: 'story', label: 'story page', document: documents.story, variable: slug('stories') },
  { name: 'front', label: 'front page (latest 20)', document: documents.front, variable: null },
  { name: 'page2', label: 'front page 2 (cursor)', document: documents.page2, variable: { name: 'after', from: 'cursor' } }, // prettier-ignore
  { name: 'person', label: 'person page', document: documents.person, variable: slug('person') },
  { name: 'organization', label: 'organization page', document: documents.organization, variable: slug('organization') }, // prettier-ignore
  { name: 'place', label: 'place page', document: documents.place, variable: slug('place') },
  { name: 'tag', label: 'tag page', document: documents.tag, variable: slug('tag') },
  { name: 'storySmall', label: 'story, small field set', document: documents.storySmall, variable: slug('stories') }, // prettier-ignore
  { name: 'typename', label: '`{ __typename }` (floor)', document: documents.typename, variable: null, floor: true }, // prettier-ignore
]

/** The POST body for one request; the same bytes go to Warta and to the baseline. */
export function requestBody(query: BenchQuery, value: string | undefined): string {
  return JSON.stringify(
    query.variable
      ? { query: query.document, variables: { [query.variable.name]: value } }
      : { query: query.document }
  )
}
