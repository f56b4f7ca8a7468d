// Issue 12 §1: one request must not take the server down. Over the real built server: every
// kind of oversized operation is refused before execution (HTTP 400, a GraphQL error with a
// code), per caller, and the queries the Admin UI sends still pass. Since issue 13 an anonymous
// caller may only sign in and ask who it is (src/graphql/staff-only.ts): anything else is
// refused before any budget is measured (401, no SQL run), and the anonymous budget holds for
// what it may send. Readers' budgets are the Content API's (test/content/body-budget.test.ts).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, startServer, type StartedServer } from '../helpers/server'
import { repoRoot } from '../helpers/paths'

const PASSWORD = 'http-budgets-password'
const SIGN_IN = `mutation($email: String!, $password: String!) {
  authenticateUserWithPassword(email: $email, password: $password) {
    ... on UserAuthenticationWithPasswordSuccess { item { id } }
  }
}`

let server: StartedServer
let staff: string
beforeAll(async () => {
  server = await startServer({ WARTA_DEV_PASSWORD: PASSWORD, WARTA_SQL_COUNT: '1' })
  const { setCookie } = await gql(server.url, SIGN_IN, {
    variables: { email: 'editor@warta.test', password: PASSWORD },
  })
  staff = setCookie!.split(';')[0]!
}, 120_000)
afterAll(async () => server?.stop())

const sqlTotal = async () =>
  ((await (await fetch(`${server.url}/__warta/sql`)).json()) as { total: number }).total

/**
 * Sends the query and checks it was refused with `code` (without a cookie, a query of fields an
 * anonymous caller may not use is refused as UNAUTHENTICATED before any budget), before any SQL.
 */
async function expectRefused(
  query: string,
  code: string,
  options: { cookie?: string; variables?: Record<string, unknown> } = {}
) {
  const before = await sqlTotal()
  const started = Date.now()
  const { status, body } = await gql(server.url, query, options)
  const elapsed = Date.now() - started
  if (!options.cookie && !/^\s*(query\s*)?\{\s*(\w+:\s*)?authenticatedItem/.test(query)) {
    expect(status).toBe(401)
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } })
    expect(await sqlTotal()).toBe(before)
    return body.errors![0]!.message
  }
  expect(status).toBe(400)
  expect(body.data).toBeUndefined()
  expect(body.errors).toHaveLength(1)
  expect(body.errors![0]).toMatchObject({ extensions: { code } })
  expect(body.errors![0]!.message).toMatch(/at most \d+|the most allowed/)
  expect(elapsed).toBeLessThan(2_000)
  // A cookie costs the session lookup; an anonymous refusal costs nothing at all.
  if (!options.cookie) expect(await sqlTotal()).toBe(before)
  return body.errors![0]!.message
}

async function expectAllowed(
  query: string,
  options: { cookie?: string; variables?: Record<string, unknown> } = {}
) {
  const { status, body } = await gql(server.url, query, options)
  expect(body.errors).toBeUndefined()
  expect(status).toBe(200)
  return body.data
}

const aliases = (n: number, field: string) =>
  Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join('\n')

/** authors → authored → authors → … `levels` relationship fields deep. */
function chain(levels: number) {
  let inner = 'id'
  for (let i = levels; i > 0; i--)
    inner = `id ${i % 2 ? 'authors' : 'authored'}(take: 1) { ${inner} }`
  return `{ articles(take: 1) { ${inner} } }`
}

describe('the issue’s attacks are refused before execution', () => {
  it('100 aliases of articles(take: 50) { id headline authors { name } }', async () => {
    const query = `{ ${aliases(100, 'articles(take: 50) { id headline authors { name } }')} }`
    await expectRefused(query, 'QUERY_TOO_MANY_ALIASES')
    const message = await expectRefused(query, 'QUERY_TOO_MANY_ALIASES', { cookie: staff })
    expect(message).toMatch(/100 aliases; at most 60 .*staff/)
  })

  it('the untaken authors/authored chain', async () => {
    const query = '{ articles { id authors { id authored { id authors { id } } } } }'
    await expectRefused(query, 'QUERY_TOO_COSTLY')
    const message = await expectRefused(query, 'QUERY_TOO_COSTLY', { cookie: staff })
    expect(message).toMatch(/about \d+ values/)
  })

  it('a 10-level authors/authored chain', async () => {
    await expectRefused(chain(10), 'QUERY_TOO_DEEP')
    await expectRefused(chain(12), 'QUERY_TOO_DEEP', { cookie: staff })
  })

  it('too many stories read, each with its body, asked for or not', async () => {
    const query = `{ ${aliases(2, 'articles(take: 30) { id }')} }`
    await expectAllowed(query, { cookie: staff })
    const message = await expectRefused(
      `{ ${aliases(3, 'articles(take: 50) { id }')} }`,
      'QUERY_TOO_COSTLY',
      { cookie: staff }
    )
    expect(message).toMatch(/read 150 stories .*at most 120/)
  })

  it('a null take through a variable cannot dodge the measure', async () => {
    const query = `query($t: Int) { a: articles(take: $t) { id } b: articles(take: 50) { id authors { name authored { id } } } }`
    const { status, body } = await gql(server.url, query, {
      cookie: staff,
      variables: { t: null },
    })
    expect(status).toBe(400)
    expect(body.data).toBeUndefined()
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } })
  })

  it('leaves the server answering', async () => {
    await expectAllowed('{ articlesCount }', { cookie: staff })
  })
})

describe('each budget, from every side', () => {
  it('take over the maximum, literal or through a variable, on a list or a relationship', async () => {
    await expectRefused('{ articles(take: 51) { id } }', 'TAKE_TOO_LARGE')
    await expectRefused('{ articles(take: -1000) { id } }', 'TAKE_TOO_LARGE')
    await expectRefused('{ people(take: 1) { authored(take: 500) { id } } }', 'TAKE_TOO_LARGE')
    const byVariable = 'query($n: Int!) { tags(take: $n) { id } }'
    await expectRefused(byVariable, 'TAKE_TOO_LARGE', { variables: { n: 10_000 } })
    await expectRefused(byVariable, 'TAKE_TOO_LARGE', { variables: { n: 101 }, cookie: staff })
    await expectAllowed(byVariable, { variables: { n: 100 }, cookie: staff })
  })

  it('aliases and depth hidden in fragments', async () => {
    const cookie = staff
    const manyAliases = `query { ...F } fragment F on Query { ${aliases(61, 'articlesCount')} }`
    await expectRefused(manyAliases, 'QUERY_TOO_MANY_ALIASES', { cookie })
    const twice = `query { x: articles(take: 1) { ...A } y: articles(take: 1) { ...A } }
      fragment A on Article { ${aliases(30, 'id')} }`
    await expectRefused(twice, 'QUERY_TOO_MANY_ALIASES', { cookie })
    // Ten fragments, one level each: Article, Person, Article, …
    const level = (i: number) => (i % 2 ? ['Article', 'authors'] : ['Person', 'authored'])
    const deep = [
      'query { articles(take: 1) { ...L1 } }',
      ...Array.from({ length: 10 }, (_, i) => {
        const [on, field] = level(i + 1)
        const inner = i === 9 ? 'id' : `...L${i + 2}`
        return `fragment L${i + 1} on ${on} { ${field}(take: 1) { ${inner} } }`
      }),
    ].join('\n')
    await expectRefused(deep, 'QUERY_TOO_DEEP', { cookie })
  })

  it('too many fields, with fragments expanded', async () => {
    // 50 aliases of 13 fields each pass; 8 more fields each, through a fragment, do not.
    const query = (more: string) => `query { ${aliases(50, `articles(take: 1) { ...A ${more} }`)} }
      fragment A on Article { id headline slug summary status language dateline storyDate publishedAt
        authors(take: 1) { name slug } }
      fragment B on Article {
        updatedAt createdAt killedAt killReason sourceCredit originalUrl version copyrightNotice
      }`
    await expectAllowed(query('').replace(/fragment B[^}]*}/, ''), { cookie: staff })
    await expectRefused(query('...B'), 'QUERY_TOO_LARGE', { cookie: staff })
    // A fragment bomb: each level spreads the previous twice (2^12 selections).
    const bomb = [
      'query { articles(take: 1) { ...F12 } }',
      'fragment F0 on Article { id }',
      ...Array.from(
        { length: 12 },
        (_, i) => `fragment F${i + 1} on Article { ...F${i} ...F${i} id }`
      ),
    ].join('\n')
    await expectRefused(bomb, 'QUERY_TOO_LARGE', { cookie: staff })
  })

  it('what an anonymous caller may send is held to the anonymous budget', async () => {
    // Tokens (1,000) and aliases (10), on the fields it may use.
    const names = Array.from({ length: 150 }, (_, i) => `F${i}`)
    await expectRefused(
      `{ authenticatedItem { __typename } ${names.map(f => `...${f}`).join(' ')} }
      ${names.map(f => `fragment ${f} on Query { __typename }`).join('\n')}`,
      'QUERY_TOO_LARGE'
    )
    await expectRefused(
      `{ ${aliases(11, 'authenticatedItem { __typename }')} }`,
      'QUERY_TOO_MANY_ALIASES'
    )
    await expectAllowed(`{ ${aliases(10, 'authenticatedItem { __typename }')} }`)
  })

  it('a batch mutation counts each of its items', async () => {
    const data = Array.from({ length: 121 }, (_, i) => ({ headline: `Berita ${i}` }))
    const query = 'mutation($data: [ArticleCreateInput!]!) { createArticles(data: $data) { id } }'
    const message = await expectRefused(query, 'QUERY_TOO_COSTLY', {
      cookie: staff,
      variables: { data },
    })
    expect(message).toMatch(/121 stories/)
  })

  it('a document too long for any caller is refused while parsing', async () => {
    const slugs = Array.from({ length: 600 }, (_, i) => `{ slug: { equals: "s${i}" } }`)
    const query = `{ articles(take: 1, where: { OR: [${slugs.join(', ')}] }) { id } }`
    const { status, body } = await gql(server.url, query, { cookie: staff })
    expect(status).toBe(400)
    expect(body.errors![0]!.message).toMatch(/more tha[nt] 5000 tokens/)
  })

  it('too costly for the caller: a large take of deep relationships', async () => {
    const query = '{ articles(take: 100) { id authors { name authored(take: 50) { id } } } }'
    await expectRefused(query, 'QUERY_TOO_COSTLY', { cookie: staff })
  })

  it('too many database queries: a relationship under many rows is a query per row', async () => {
    await expectAllowed(
      `{ ${aliases(3, 'articles(take: 20) { id authors(take: 1) { name } }')} }`,
      {
        cookie: staff,
      }
    )
    const query = `{ ${aliases(20, 'articles(take: 100) { id authors(take: 1) { name } }')} }`
    const message = await expectRefused(query, 'QUERY_TOO_COSTLY', { cookie: staff })
    expect(message).toMatch(/about \d+ database queries.*at most 1500/)
  })

  it('over GET as over POST', async () => {
    const query = encodeURIComponent('{ articles(take: 1000) { id } }')
    const response = await fetch(`${server.url}/api/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true', cookie: staff },
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] }
    expect(body.errors[0]!.extensions.code).toBe('TAKE_TOO_LARGE')
  })

  it('refuses operations batched in a JSON array', async () => {
    const before = await sqlTotal()
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 20 }, () => ({ query: '{ articlesCount }' }))),
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { errors: { message: string }[] }
    expect(body.errors[0]!.message).toMatch(/batching/i)
    expect(await sqlTotal()).toBe(before)
  })
})

describe('what the Admin UI sends is allowed', () => {
  it('the Admin UI’s metadata query and a list page of 50 rows, for staff only', async () => {
    const dist = path.join(repoRoot, 'node_modules/@keystone-6/core/dist/context-a4948706.js')
    const adminMeta = /gql`\s*(query KsFetchAdminMeta[\s\S]*?)`/.exec(
      readFileSync(dist, 'utf8')
    )![1]!
    const meta = await expectAllowed(adminMeta, { cookie: staff })
    expect(meta.keystone.adminMeta.lists.length).toBeGreaterThan(5)
    await expectAllowed(
      `query($take: Int!, $skip: Int!) {
        items: articles(take: $take, skip: $skip, orderBy: [{ id: asc }]) {
          id headline status slug authors { id label: name } tags { id label: name }
          lastEditedBy { id label: name } updatedAt publishedAt
        }
        count: articlesCount
      }`,
      { cookie: staff, variables: { take: 50, skip: 0 } }
    )
  })
})
