// Issue 13 §3: /api/graphql is the staff API. Over the real built server, every anonymous request
// other than signing in and asking who one is is refused before anything runs: 401
// UNAUTHENTICATED, pointing at the Content API, with no data, no SQL and no hint of the schema,
// whatever the request's shape (every root field of schema.graphql, aliases, fragments,
// __typename beside real fields, GET, persisted queries, mutations, several operations).
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, signIn, startServer, type StartedServer } from '../helpers/server'
import { ANONYMOUS_ALLOWED, rootRequests } from '../helpers/staff-schema'

const PASSWORD = 'http-staff-only-password'
let server: StartedServer
let editor: string

beforeAll(async () => {
  server = await startServer({ WARTA_DEV_PASSWORD: PASSWORD, WARTA_SQL_COUNT: '1' })
  editor = await signIn(server.url, 'editor@warta.test', PASSWORD)
}, 120_000)
afterAll(async () => server?.stop())

const sqlTotal = async () =>
  ((await (await fetch(`${server.url}/__warta/sql`)).json()) as { total: number }).total

type Body = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] }

/** The answer is the refusal, and nothing ran. */
function expectRefused({ status, body }: { status: number; body: Body }, label = '') {
  expect(status, label).toBe(401)
  expect(body.data, label).toBeUndefined()
  expect(body.errors, label).toHaveLength(1)
  expect(body.errors![0]!.extensions?.code, label).toBe('UNAUTHENTICATED')
  expect(body.errors![0]!.message, label).toMatch(/sign in/i)
  expect(body.errors![0]!.message, label).toContain('/api/content/graphql')
}

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Body }
}

async function get(params: Record<string, unknown>) {
  const search = new URLSearchParams(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])
  )
  const response = await fetch(`${server.url}/api/graphql?${search}`, {
    headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
  })
  return { status: response.status, body: (await response.json()) as Body }
}

describe('an anonymous caller', () => {
  it('is refused every root query and mutation field of the staff schema but sign-in and who-am-I', async () => {
    const requests = rootRequests()
    expect(requests.length).toBeGreaterThan(90)
    const before = await sqlTotal()
    for (const request of requests) {
      const answer = await gql(server.url, request.query, { variables: request.variables })
      const label = `${request.type}.${request.field}`
      // Allowed ones run (a sign-in with made-up credentials is refused on its own terms).
      if (ANONYMOUS_ALLOWED.has(label)) {
        expect(answer.status, label).not.toBe(401)
        expect(JSON.stringify(answer.body), label).not.toContain('UNAUTHENTICATED')
      } else expectRefused(answer, label)
    }
    // Sign-in with made-up credentials reads the accounts; nothing else ran a statement.
    expect(await sqlTotal()).toBeLessThanOrEqual(before + 5)
  })

  it('may sign in, ask who it is and sign out, with __typename and aliases', async () => {
    const who = await gql(server.url, '{ __typename me: authenticatedItem { __typename } }')
    expect(who).toMatchObject({ status: 200, body: { data: { __typename: 'Query', me: null } } })
    const out = await gql(server.url, 'mutation { endSession }')
    expect(out.status).toBe(200)
    expect(await signIn(server.url, 'editor@warta.test', PASSWORD)).toMatch(/=/)
  })

  it('is refused real fields hidden behind aliases, fragments, inline fragments and __typename', async () => {
    for (const query of [
      '{ __typename articlesCount }',
      '{ me: authenticatedItem { id } stories: articles { id } }',
      '{ ...F } fragment F on Query { articles { id } }',
      '{ ... on Query { authenticatedItem { id } ... on Query { peopleCount } } }',
      '{ ...A } fragment A on Query { authenticatedItem { id } ...B } fragment B on Query { usersCount }',
      '{ articles @skip(if: true) { id } }',
      'query A { authenticatedItem { id } } query B { articlesCount }',
      'mutation { endSession createTag(data: { name: "x" }) { id } }',
      'mutation { ...M } fragment M on Mutation { deleteTags(where: []) { id } }',
      'subscription { __typename }',
    ]) {
      expectRefused(await gql(server.url, query), query)
    }
    // Operation names select nothing: a document with any other field is refused whole.
    expectRefused(
      await post({
        query: 'query A { authenticatedItem { id } } query B { articlesCount }',
        operationName: 'A',
      })
    )
  })

  it('learns nothing of the schema: no introspection, no "did you mean" suggestions', async () => {
    for (const query of [
      '{ __schema { types { name } } }',
      '{ __type(name: "Article") { fields { name } } }',
      '{ articl { id } }',
      '{ authenticatedItem { id } articl }',
    ]) {
      const answer = await gql(server.url, query)
      expectRefused(answer, query)
      expect(JSON.stringify(answer.body)).not.toMatch(/did you mean|Article\b/i)
    }
    // Invalid documents on the allowed fields: one plain error, no type or field names.
    for (const query of [
      '{ authenticatedItem { ... on User { passwor rol } } }',
      '{ authenticatedItem { ... on Articl { id } } }',
      '{ authenticatedItem { id(x: 1) } }',
      '{ keystone { adminMeta { listz { key } } } }',
      'mutation { authenticateUserWithPassword(email: 1) { __typename } }',
    ]) {
      const answer = (await gql(server.url, query)) as { status: number; body: Body }
      expect(answer.status, query).toBe(400)
      expect(answer.body.errors, query).toHaveLength(1)
      expect(answer.body.errors![0]!.extensions?.code, query).toBe('GRAPHQL_VALIDATION_FAILED')
      expect(JSON.stringify(answer.body), query).not.toMatch(
        /did you mean|password|role|Article|User|listz|AdminMeta/i
      )
    }
    // Keystone's Admin UI metadata (its shell asks for it on the sign-in page too) is denied by
    // Keystone itself: no list, field or type of the newsroom in the answer.
    const meta = await gql(
      server.url,
      '{ keystone { adminMeta { lists { key fields { path } } } } }'
    )
    expect(meta.status).not.toBe(500)
    expect(JSON.stringify(meta.body)).not.toMatch(/Article|headline|Person/)
  })

  it('is refused over GET and through persisted queries, known or not', async () => {
    expectRefused(await get({ query: '{ articles { headline } }' }))
    const query = '{ articlesCount }'
    const sha256Hash = createHash('sha256').update(query).digest('hex')
    const extensions = { persistedQuery: { version: 1, sha256Hash } }
    // Staff register the text; an anonymous caller sending its hash alone is still refused.
    const registered = await post({ query, extensions }, { cookie: editor })
    expect(registered.status).toBe(200)
    expectRefused(await post({ extensions }))
    expectRefused(await get({ extensions }))
    expectRefused(await post({ query, extensions }))
    // And a document Apollo already parsed and validated for staff (its document store).
    expect((await gql(server.url, '{ usersCount }', { cookie: editor })).status).toBe(200)
    expectRefused(await gql(server.url, '{ usersCount }'))
  })

  it("a persisted query whose hash is not its text is the caller's mistake (400 BAD_REQUEST)", async () => {
    const other = createHash('sha256').update('{ __typename }').digest('hex')
    const body = {
      query: '{ authenticatedItem { __typename } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: other } },
    }
    for (const cookie of [undefined, editor]) {
      const answer = await post(body, cookie ? { cookie } : {})
      expect(answer.status).toBe(400)
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST')
      expect(answer.body.data).toBeUndefined()
    }
  })

  it('with a cookie that signs nobody in is anonymous', async () => {
    expectRefused(
      await gql(server.url, '{ articlesCount }', { cookie: 'keystonejs-session=forged' })
    )
    const cookie = await signIn(server.url, 'editor@warta.test', PASSWORD)
    expect((await gql(server.url, 'mutation { endSession }', { cookie })).status).toBe(200)
    expectRefused(await gql(server.url, '{ articlesCount }', { cookie }))
  })
})

describe('staff', () => {
  it('use the staff API as before', async () => {
    const answer = await gql(server.url, '{ __typename articlesCount }', { cookie: editor })
    expect(answer.status).toBe(200)
    expect(answer.body.data).toEqual({ __typename: 'Query', articlesCount: 1 })
  })
})
