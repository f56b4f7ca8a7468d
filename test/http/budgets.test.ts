// Issue 12 §1: one request must not take the server down. Over the real built server: every
// kind of oversized operation is refused before execution (HTTP 400, a GraphQL error with a
// code, no SQL run), per caller, and the queries frontends and the Admin UI send still pass.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, startServer, type StartedServer } from '../helpers/server'
import { repoRoot } from '../helpers/paths'
import { storyPage } from '../../src/public/documents'

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

/** Sends the query and checks it was refused with `code`, before any SQL ran. */
async function expectRefused(
  query: string,
  code: string,
  options: { cookie?: string; variables?: Record<string, unknown> } = {}
) {
  const before = await sqlTotal()
  const started = Date.now()
  const { status, body } = await gql(server.url, query, options)
  const elapsed = Date.now() - started
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
    const message = await expectRefused(query, 'QUERY_TOO_MANY_ALIASES')
    expect(message).toMatch(/100 aliases; at most 10 .*anonymous/)
    await expectRefused(query, 'QUERY_TOO_MANY_ALIASES', { cookie: staff })
  })

  it('the untaken authors/authored chain', async () => {
    const query = '{ articles { id authors { id authored { id authors { id } } } } }'
    const message = await expectRefused(query, 'QUERY_TOO_COSTLY')
    expect(message).toMatch(/about \d+ values/)
    await expectRefused(query, 'QUERY_TOO_COSTLY', { cookie: staff })
  })

  it('a 10-level authors/authored chain', async () => {
    await expectRefused(chain(10), 'QUERY_TOO_DEEP')
    await expectRefused(chain(12), 'QUERY_TOO_DEEP', { cookie: staff })
  })

  it('too many stories read, each with its body, asked for or not', async () => {
    const query = `{ ${aliases(2, 'articles(take: 30) { id }')} }`
    const message = await expectRefused(query, 'QUERY_TOO_COSTLY')
    expect(message).toMatch(/read 60 stories .*at most 50/)
    await expectAllowed(query, { cookie: staff })
    await expectRefused(`{ ${aliases(3, 'articles(take: 50) { id }')} }`, 'QUERY_TOO_COSTLY', {
      cookie: staff,
    })
  })

  it('a null take through a variable cannot dodge the measure', async () => {
    const query = `query($t: Int) { a: articles(take: $t) { id } b: articles(take: 50) { id authors { name authored { id } } } }`
    const before = await sqlTotal()
    const { status, body } = await gql(server.url, query, { variables: { t: null } })
    expect(status).toBe(400)
    expect(body.data).toBeUndefined()
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } })
    expect(await sqlTotal()).toBe(before)
  })

  it('leaves the server answering', async () => {
    await expectAllowed('{ articlesCount }')
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
    // Staff may take more than anonymous readers.
    await expectAllowed(byVariable, { variables: { n: 100 }, cookie: staff })
    await expectAllowed(byVariable, { variables: { n: 50 } })
  })

  it('aliases and depth hidden in fragments', async () => {
    const manyAliases = `query { ...F } fragment F on Query { ${aliases(11, 'articlesCount')} }`
    await expectRefused(manyAliases, 'QUERY_TOO_MANY_ALIASES')
    const twice = `query { x: articles(take: 1) { ...A } y: articles(take: 1) { ...A } }
      fragment A on Article { ${aliases(5, 'id')} }`
    await expectRefused(twice, 'QUERY_TOO_MANY_ALIASES')
    const deep = `query { articles(take: 1) { ...L1 } }
      fragment L1 on Article { authors(take: 1) { ...L2 } }
      fragment L2 on Person { authored(take: 1) { ...L3 } }
      fragment L3 on Article { authors(take: 1) { ...L4 } }
      fragment L4 on Person { authored(take: 1) { ...L5 } }
      fragment L5 on Article { authors(take: 1) { ...L6 } }
      fragment L6 on Person { authored(take: 1) { id } }`
    await expectRefused(deep, 'QUERY_TOO_DEEP')
  })

  it('too many fields, with fragments expanded', async () => {
    // 10 aliases (allowed) of 13 fields each pass; 8 more fields each, through a fragment, do not.
    const query = (more: string) => `query { ${aliases(10, `articles(take: 1) { ...A ${more} }`)} }
      fragment A on Article { id headline slug summary status language dateline storyDate publishedAt
        authors(take: 1) { name slug } }
      fragment B on Article {
        updatedAt createdAt killedAt killReason sourceCredit originalUrl version copyrightNotice
      }`
    await expectAllowed(query('').replace(/fragment B[^}]*}/, ''))
    await expectRefused(query('...B'), 'QUERY_TOO_LARGE')
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

  it('too many tokens', async () => {
    const slugs = Array.from({ length: 150 }, (_, i) => `{ slug: { equals: "s${i}" } }`)
    const query = `{ articles(take: 1, where: { OR: [${slugs.join(', ')}] }) { id } }`
    await expectRefused(query, 'QUERY_TOO_LARGE')
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
    const query = '{ articles(take: 50) { id authors { name authored(take: 20) { id } } } }'
    await expectRefused(query, 'QUERY_TOO_COSTLY')
  })

  it('too many database queries: a relationship under many rows is a query per row', async () => {
    const query = `{ ${aliases(3, 'articles(take: 20) { id authors(take: 1) { name } }')} }`
    const message = await expectRefused(query, 'QUERY_TOO_COSTLY')
    expect(message).toMatch(/about 63 database queries.*at most 50/)
    await expectAllowed(query, { cookie: staff })
  })

  it('over GET as over POST', async () => {
    const query = encodeURIComponent('{ articles(take: 1000) { id } }')
    const response = await fetch(`${server.url}/api/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
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

describe('what frontends and the Admin UI send is allowed', () => {
  it('a front page and a story page', async () => {
    const data = await expectAllowed(`{
      articles(where: { status: { equals: "published" } }, orderBy: { publishedAt: desc }, take: 20) {
        id headline slug summary publishedAt dateline authors(orderBy: { slug: asc }) { name slug }
      }
    }`)
    expect(data.articles.length).toBeGreaterThan(0)
    await expectAllowed(
      `query($slug: String!) {
      article(where: { slug: $slug }) {
        id headline body { document } authors { name slug } tags { name slug }
        relatedLinks(take: 10) { label url targetArticle { headline slug } }
      }
    }`,
      { variables: { slug: data.articles[0].slug } }
    )
  })

  it('the public pages’ own documents, exactly, even where Keystone answers them', async () => {
    // An unknown slug: the read path leaves it to Keystone, which must answer, not refuse.
    const data = await expectAllowed(storyPage, { variables: { slug: 'no-such-story' } })
    expect(data.article).toBeNull()
    // The same document altered is budgeted like any other (100 untaken related links).
    await expectRefused(
      storyPage.replace('targetArticle', 'a: targetArticle'),
      'QUERY_TOO_COSTLY',
      {
        variables: { slug: 'no-such-story' },
      }
    )
  })

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
