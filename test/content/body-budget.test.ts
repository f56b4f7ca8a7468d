// The Content API over real HTTP: story bodies are weighed before execution. A request may read
// at most BUDGET.bodies story bodies (aliases, fragments, variables and nesting counted), so no
// allowed request can build an answer the 192 MiB heap cannot hold; a persisted query is kept
// only once it has passed every check; the staff API’s byte-bounded caches still serve APQ.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUDGET } from '../../src/content/budget'
import { onPostgres } from '../helpers/database'
import { signIn, startServer, type StartedServer } from '../helpers/server'

const PASSWORD = 'content-budget-password'
let server: StartedServer
let editor: string
beforeAll(async () => {
  server = await startServer({ WARTA_SQL_COUNT: '1', WARTA_DEV_PASSWORD: PASSWORD })
  editor = await signIn(server.url, 'editor@warta.test', PASSWORD)
}, 120_000)
afterAll(async () => server?.stop())

const post = (body: unknown) =>
  fetch(`${server.url}/api/content/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const sqlTotal = async () =>
  ((await (await fetch(`${server.url}/__warta/sql`)).json()) as { total: number }).total

const page = (first: number | string, body = 'body { document html }') =>
  `stories(first: ${first}) { nodes { slug ${body} } }`

describe('story bodies per request', () => {
  it('refuses body-heavy queries with a 400 before anything runs', async () => {
    const cases: [string, { query: string; variables?: object }][] = [
      [
        '3 aliases × 100 bodies',
        { query: `{ a0: ${page(100)} a1: ${page(100)} a2: ${page(100)} }` },
      ],
      ['100 bodies as html', { query: `{ ${page(100, 'body { html }')} }` }],
      ['one over the cap', { query: `{ ${page(BUDGET.bodies + 1)} }` }],
      ['the cap twice, by aliases', { query: `{ a: ${page(BUDGET.bodies)} b: ${page(1)} }` }],
      [
        'body aliased twice in one node',
        { query: `{ ${page(15, 'a: body { html } b: body { document }')} }` },
      ],
      [
        'nesting: 5 people’s stories × 5',
        {
          query: `{ stories(first: 5) { nodes { authors { ${page(5)} } } } }`,
        },
      ],
      [
        'bodies under read-also links (a list without first)',
        { query: '{ story(slug: "x") { relatedLinks { target { body { html } } } } }' },
      ],
      [
        'a fragment and a variable',
        {
          query: `query($n: Int) { stories(first: $n) { nodes { ...B } } } fragment B on Story { body { html } }`,
          variables: { n: 50 },
        },
      ],
    ]
    for (const [name, request] of cases) {
      const before = onPostgres ? 0 : await sqlTotal()
      const response = await post(request)
      expect(response.status, name).toBe(400)
      const body = (await response.json()) as { data?: unknown; errors: { message: string }[] }
      expect(body.data, name).toBeUndefined()
      expect(body.errors[0]!.message, name).toMatch(/story bodies, more than \d+ per request/)
      if (!onPostgres) expect((await sqlTotal()) - before, name).toBe(0)
    }
  })

  it('answers the most bodies the budget allows', async () => {
    const response = await post({ query: `{ ${page(BUDGET.bodies)} }` })
    expect(response.status).toBe(200)
  })
})

describe('persisted queries', () => {
  it('does not keep a text that failed its checks', async () => {
    const query = `{ stories { nodes { slug } } } # ${'x'.repeat(99_000)}`
    const sha256Hash = createHash('sha256').update(query).digest('hex')
    const extensions = { persistedQuery: { version: 1, sha256Hash } }
    const refused = await post({ query, extensions })
    expect(refused.status).toBe(400)
    const again = await post({ extensions })
    expect(again.status).toBe(400)
    const body = (await again.json()) as { errors: { extensions: { code: string } }[] }
    expect(body.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND')
  })
})

describe('the staff API’s bounded caches', () => {
  it('still serves automatic persisted queries and cached documents (to staff)', async () => {
    const query = '{ articles(take: 1) { id } }'
    const sha256Hash = createHash('sha256').update(query).digest('hex')
    const extensions = { persistedQuery: { version: 1, sha256Hash } }
    const staff = (body: unknown) =>
      fetch(`${server.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: editor },
        body: JSON.stringify(body),
      })
    expect((await staff({ query, extensions })).status).toBe(200)
    const again = await staff({ extensions })
    expect(again.status).toBe(200)
    const body = (await again.json()) as { data: { articles: unknown[] } }
    expect(Array.isArray(body.data.articles)).toBe(true)
  })
})
