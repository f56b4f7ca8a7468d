// The Content API over real HTTP, on the built server: the seeded ANTARA story verbatim; GET,
// POST and persisted queries; ETag and 304; Cache-Control; Surrogate-Key / Cache-Tag after
// publish, correction and kill; budgets refused before execution with 4xx, never 500; sessions
// ignored; SQL statements per request fixed by the query's shape.
import { createHash } from 'node:crypto'
import { getIntrospectionQuery } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { antaraStory, organizations, people, places } from '../../src/seed/antara'
import { onPostgres } from '../helpers/database'
import { gql, startServer, type StartedServer } from '../helpers/server'

const PASSWORD = 'content-api-password'
let server: StartedServer
beforeAll(async () => {
  server = await startServer({ WARTA_DEV_PASSWORD: PASSWORD, WARTA_SQL_COUNT: '1' })
}, 120_000)
afterAll(async () => server?.stop())

const endpoint = () => `${server.url}/api/content/graphql`

async function get(query: string, variables?: object, headers: Record<string, string> = {}) {
  const url = new URL(endpoint())
  url.searchParams.set('query', query)
  if (variables) url.searchParams.set('variables', JSON.stringify(variables))
  return fetch(url, { headers })
}
async function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(endpoint(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}
const keysOf = (response: Response) => (response.headers.get('surrogate-key') ?? '').split(' ')

let cookie = ''
async function staff(query: string, variables: Record<string, unknown> = {}) {
  if (!cookie) {
    const { setCookie } = await gql(
      server.url,
      `mutation($e: String!, $p: String!) { authenticateUserWithPassword(email: $e, password: $p) { __typename } }`,
      { variables: { e: 'editor@warta.test', p: PASSWORD } }
    )
    cookie = setCookie!.split(';')[0]!
  }
  const { body } = await gql(server.url, query, { cookie, variables })
  expect(body.errors).toBeUndefined()
  return body.data
}
async function act(action: string, id: string, extra = '', declared = '', more = {}) {
  const { article } = await staff(`query($id: ID!) { article(where: { id: $id }) { version } }`, {
    id,
  })
  return staff(
    `mutation($id: ID!, $v: Int!${declared}) { ${action}(where: { id: $id }, version: $v${extra}) { id } }`,
    { id, v: article.version, ...more }
  )
}

const STORY = `query Story($slug: String!) { story(slug: $slug) {
  id slug url status headline language dateline storyDate publishedAt modifiedAt publicationNote
  sourceCredit copyrightNotice originalUrl killNotice
  datelinePlace { slug name } copyrightHolder { slug name shortName }
  body { document html }
  authors { id slug name } editors { slug name } people { slug name jobTitle }
  organizations { slug name } sources { slug name } places { slug name alternateName } tags { slug }
  relatedLinks { label url placement afterParagraph position target { slug } }
  corrections { kind note createdAt }
} }`

describe('the seeded ANTARA story', () => {
  it('comes through the Content API verbatim', async () => {
    const response = await get(STORY, { slug: antaraStory.slug })
    expect(response.status).toBe(200)
    const { data } = (await response.json()) as { data: { story: any } } // eslint-disable-line @typescript-eslint/no-explicit-any
    const story = data.story
    const a = antaraStory
    expect(story).toMatchObject({
      slug: a.slug,
      url: `http://localhost:3000/${a.slug}`,
      status: 'PUBLISHED',
      headline: a.headline,
      language: a.language,
      dateline: a.dateline,
      storyDate: a.storyDate,
      publishedAt: a.publishedAt,
      publicationNote: a.publicationNote,
      sourceCredit: a.sourceCredit,
      copyrightNotice: a.copyrightNotice,
      originalUrl: a.originalUrl,
      killNotice: null,
      datelinePlace: { slug: a.datelinePlace },
      copyrightHolder: { slug: a.copyrightHolder },
      corrections: [],
    })
    const texts = story.body.document.map((p: any) => p.children.map((c: any) => c.text).join('')) // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(texts).toEqual(a.paragraphs)
    expect(story.body.html).toBe(a.paragraphs.map(p => `<p>${p}</p>\n`).join(''))
    const slugs = (list: { slug: string }[]) => list.map(p => p.slug)
    const sorted = (list: readonly string[]) => [...list].sort()
    expect(slugs(story.authors)).toEqual(sorted(a.authors))
    expect(slugs(story.editors)).toEqual(sorted(a.editors))
    expect(slugs(story.people)).toEqual(sorted(a.people))
    expect(slugs(story.organizations)).toEqual(sorted(a.organizations))
    expect(slugs(story.sources)).toEqual(sorted(a.sources))
    expect(slugs(story.places)).toEqual(sorted(a.places))
    for (const person of story.people) {
      const seeded = people.find(p => p.slug === person.slug)!
      expect(person).toMatchObject({ name: seeded.name, jobTitle: seeded.jobTitle ?? '' })
    }
    for (const org of story.organizations)
      expect(org.name).toBe(organizations.find(o => o.slug === org.slug)!.name)
    for (const place of story.places)
      expect(place.name).toBe(places.find(p => p.slug === place.slug)!.name)
    expect(story.relatedLinks).toEqual(
      a.relatedLinks.map(l => ({
        label: l.label,
        url: null,
        placement: l.placement,
        afterParagraph: l.afterParagraph ?? null,
        position: l.position,
        target: null,
      }))
    )
    // Every story and profile in the answer is named for the CDN.
    const keys = keysOf(response)
    expect(keys).toContain(`story:${story.id}`)
    expect(keys).toContain(`person:${story.authors[0].id}`)
    expect(keys.filter(k => k.startsWith('place:'))).toHaveLength(a.places.length)
    expect(response.headers.get('cache-tag')).toBe(keys.join(','))
  })
})

describe('HTTP', () => {
  const LATEST = '{ stories(first: 20) { nodes { id slug headline authors { slug } } } }'

  it('GET and POST give the same answer and ETag; If-None-Match gives 304', async () => {
    const viaGet = await get(LATEST)
    const viaPost = await post({ query: LATEST })
    expect(viaGet.status).toBe(200)
    const etag = viaGet.headers.get('etag')!
    expect(etag).toMatch(/^".+"$/)
    expect(viaPost.headers.get('etag')).toBe(etag)
    expect(await viaPost.text()).toBe(await viaGet.text())
    const cache = viaGet.headers.get('cache-control')!
    expect(cache).toMatch(/\bpublic\b/)
    expect(cache).toMatch(/\bs-maxage=\d+/)
    expect(cache).toMatch(/\bstale-while-revalidate=\d+/)
    expect(keysOf(viaGet)).toContain('stories')
    const again = await get(LATEST, undefined, { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('surrogate-key')).toBe(viaGet.headers.get('surrogate-key'))
    expect((await get(LATEST, undefined, { 'if-none-match': '"other"' })).status).toBe(200)
  })

  it('persisted queries: a hash alone once known, and a clear miss before', async () => {
    const query = '{ stories(first: 3) { nodes { slug } } }'
    const sha256Hash = createHash('sha256').update(query).digest('hex')
    const extensions = { persistedQuery: { version: 1, sha256Hash } }
    const url = new URL(endpoint())
    url.searchParams.set('extensions', JSON.stringify(extensions))
    const miss = await fetch(url)
    expect(miss.status).toBe(400)
    expect(((await miss.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND') // eslint-disable-line @typescript-eslint/no-explicit-any
    const wrong = await post({ query: `${query} `, extensions })
    expect(wrong.status).toBe(400)
    expect((await post({ query, extensions })).status).toBe(200)
    const hit = await fetch(url)
    expect(hit.status).toBe(200)
    expect(((await hit.json()) as any).data.stories.nodes[0].slug).toBe(antaraStory.slug) // eslint-disable-line @typescript-eslint/no-explicit-any
  })

  it('refuses bad and oversized requests with 4xx and a GraphQL error, never 500', async () => {
    const deep = `{ stories { nodes { authors { stories { nodes { authors { stories { nodes {
      authors { stories { nodes { slug } } } } } } } } } } } }`
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: story(slug: "x") { slug }`).join(' ')} }`
    const cases: [string, () => Promise<Response>, number][] = [
      ['first over 100', () => get('{ stories(first: 101) { nodes { slug } } }'), 400],
      [
        'first by variable',
        () =>
          post({
            query: 'query($n: Int) { stories(first: $n) { nodes { slug } } }',
            variables: { n: 1000 },
          }),
        400,
      ],
      [
        'negative first',
        () => get('{ tag(slug: "x") { stories(first: -1) { nodes { slug } } } }'),
        400,
      ],
      ['depth', () => get(deep), 400],
      ['aliases', () => get(aliases), 400],
      [
        'cost',
        () =>
          get(
            '{ stories(first: 100) { nodes { authors { stories(first: 100) { nodes { slug } } } } } }'
          ),
        400,
      ],
      ['tokens', () => get(`{ ${'__typename '.repeat(1200)} }`), 400],
      ['syntax', () => get('{ stories { '), 400],
      ['unknown field', () => get('{ articles { id } }'), 400],
      ['mutation', () => post({ query: 'mutation { publishArticle { id } }' }), 400],
      ['bad cursor', () => get('{ stories(after: "bm9wZQ") { nodes { slug } } }'), 400],
      [
        'bad date',
        () => get('{ stories(filter: { publishedAfter: "soon" }) { nodes { slug } } }'),
        400,
      ],
      ['bad variables', () => post({ query: STORY, variables: { slug: 42 } }), 400],
      ['no query', () => post({}), 400],
      ['not JSON', () => post('{oops'), 400],
      ['a batch', () => post([{ query: LATEST }]), 400],
      [
        'variables not JSON',
        () => fetch(`${endpoint()}?query=${encodeURIComponent(STORY)}&variables={`),
        400,
      ],
      [
        'wrong content type',
        () =>
          fetch(endpoint(), {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: '{}',
          }),
        415,
      ],
      ['too large', () => post({ query: LATEST, variables: { x: 'x'.repeat(200_000) } }), 413],
      ['PUT', () => fetch(endpoint(), { method: 'PUT' }), 405],
    ]
    for (const [name, request, status] of cases) {
      const response = await request()
      expect(response.status, name).toBe(status)
      expect(response.headers.get('cache-control'), name).toBe('no-store')
      const body = (await response.json()) as { data?: unknown; errors: { message: string }[] }
      expect(body.errors.length, name).toBeGreaterThan(0)
      expect(body.data, name).toBeUndefined()
      expect(JSON.stringify(body), name).not.toMatch(
        /prisma|stack|\bat \/|\.ts:\d|SELECT|TypeError|ReferenceError/i
      )
    }
  })

  it('answers introspection (GraphQL Code Generator, IDEs) within its budget', async () => {
    const response = await post({ query: getIntrospectionQuery() })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { data: { __schema: { queryType: { name: string } } } }
    expect(body.data.__schema.queryType.name).toBe('Query')
  })

  it('ignores sessions: a signed-in request gets the same bytes, and no draft', async () => {
    await staff('{ authenticatedItem { __typename } }')
    const anonymous = await get(LATEST)
    const signedIn = await get(LATEST, undefined, { cookie })
    expect(signedIn.headers.get('etag')).toBe(anonymous.headers.get('etag'))
    expect(signedIn.headers.get('set-cookie')).toBeNull()
  })

  it.skipIf(onPostgres)(
    'SQL statements per request follow the query, not the results',
    async () => {
      const count = async (request: () => Promise<Response>) => {
        const read = async () =>
          ((await (await fetch(`${server.url}/__warta/sql`)).json()) as { total: number }).total
        const before = await read()
        expect((await request()).status).toBe(200)
        return (await read()) - before
      }
      expect(await count(() => get('{ story(slug: "x") { slug } }'))).toBe(1)
      // Its read-also links have no target story: nothing more to read.
      expect(await count(() => get(STORY, { slug: antaraStory.slug }))).toBe(1)
      expect(await count(() => get(LATEST))).toBe(1)
      const person = `{ person(slug: "cindy-frishanti-octavia") { name
      stories(first: 20) { nodes { slug authors { slug stories(first: 5) { nodes { slug } } } } } } }`
      expect(await count(() => get(person))).toBe(3)
      expect(
        await count(() => get('{ stories(filter: { place: "vilnius" }) { nodes { slug } } }'))
      ).toBe(2)
    }
  )
})

describe('cache keys follow the workflow', () => {
  it('publish, correction and kill change the answers and name what changed', async () => {
    const { createArticle } = await staff(
      `mutation { createArticle(data: {
        headline: "Kabar kunci cache", authors: { connect: [{ slug: "arie-novarina" }] },
        tags: { create: [{ name: "Kunci" }] },
        body: [{ type: "paragraph", children: [{ text: "Isi." }] }] }) { id slug tags { id } } }`
    )
    const { id, slug } = createArticle
    const tagId = createArticle.tags[0].id
    const latestBefore = await get('{ stories(first: 5) { nodes { slug } } }')
    const missing = await get(STORY, { slug })
    expect(((await missing.json()) as any).data.story).toBeNull() // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(keysOf(missing)).toContain('stories')

    await act('publishArticle', id)
    const published = await get(STORY, { slug })
    expect(keysOf(published)).toEqual(expect.arrayContaining([`story:${id}`, `tag:${tagId}`]))
    const latest = await get('{ stories(first: 5) { nodes { slug } } }')
    expect(keysOf(latest)).toEqual(expect.arrayContaining(['stories', `story:${id}`]))
    expect(latest.headers.get('etag')).not.toBe(latestBefore.headers.get('etag'))
    const first = (await published.json()) as any // eslint-disable-line @typescript-eslint/no-explicit-any

    await staff(
      `mutation($id: ID!) { createCorrection(data: { article: { connect: { id: $id } },
        kind: "correction", note: "Ralat: nama." }) { id } }`,
      { id }
    )
    const corrected = await get(
      STORY,
      { slug },
      { 'if-none-match': published.headers.get('etag')! }
    )
    expect(corrected.status).toBe(200)
    const second = (await corrected.json()) as any // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(second.data.story.corrections).toEqual([
      { kind: 'correction', note: 'Ralat: nama.', createdAt: expect.any(String) },
    ])
    expect(Date.parse(second.data.story.modifiedAt)).toBeGreaterThan(
      Date.parse(first.data.story.modifiedAt)
    )
    expect(keysOf(corrected)).toContain(`story:${id}`)

    await act('killArticle', id, ', reason: $r', ', $r: String', {
      r: 'Dicabut atas perintah pengadilan',
    })
    const killed = await get(STORY, { slug })
    const notice = (await killed.json()) as any // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(notice.data.story).toMatchObject({
      status: 'KILLED',
      killNotice: 'Dicabut atas perintah pengadilan',
      body: null,
      authors: null,
      corrections: null,
    })
    expect(keysOf(killed)).toEqual([`story:${id}`])
    // The tag only this story used has left with it.
    const tag = await get('{ tag(slug: "kunci") { name } }')
    expect(((await tag.json()) as any).data.tag).toBeNull() // eslint-disable-line @typescript-eslint/no-explicit-any
    const after = await get('{ stories(first: 5) { nodes { slug } } }')
    expect(keysOf(after)).not.toContain(`story:${id}`)
  })
})
