// Bad input on the staff API gets a clear error before anything runs, never a database error:
// arguments the database would refuse (negative skip, huge filter texts, huge lists, long
// orderBy), subscriptions, and a document whose size aborts graphql-js's validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, signIn, startServer, type StartedServer } from '../helpers/server'

const PASSWORD = 'http-bad-input-password'

let server: StartedServer
let staff: string
beforeAll(async () => {
  server = await startServer({ WARTA_DEV_PASSWORD: PASSWORD, WARTA_SQL_COUNT: '1' })
  staff = await signIn(server.url, 'editor@warta.test', PASSWORD)
}, 120_000)
afterAll(async () => server?.stop())

const sqlTotal = async () =>
  ((await (await fetch(`${server.url}/__warta/sql`)).json()) as { total: number }).total

type Options = { cookie?: string; variables?: Record<string, unknown> }

/** Refused with 400 BAD_USER_INPUT and a message matching `words`. */
async function expectBadInput(query: string, words: RegExp, options: Options = {}) {
  const before = await sqlTotal()
  const { status, body } = await gql(server.url, query, options)
  expect(body.errors?.[0]?.message).toMatch(words)
  expect(status).toBe(400)
  expect(body.data).toBeUndefined()
  expect(body.errors).toHaveLength(1)
  expect(body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } })
  // The session lookup is all that ran.
  expect(await sqlTotal()).toBeLessThanOrEqual(before + 3)
}

// Anonymous callers are refused before any of this (test/http/staff-only.test.ts).
const callers = (cookie: string) => [{ cookie }]

describe('arguments the database would refuse are refused before execution', () => {
  it('a negative skip: literal, variable, on a relationship field', async () => {
    for (const who of callers(staff)) {
      await expectBadInput('{ articles(take: 1, skip: -5) { id } }', /skip.*0 or more/, who)
      await expectBadInput('query($s: Int!) { articles(take: 1, skip: $s) { id } }', /skip/, {
        ...who,
        variables: { s: -3 },
      })
      await expectBadInput('{ articles(take: 1) { id authors(skip: -1) { id } } }', /skip/, who)
    }
  })

  it('a mutation with a negative skip in its selection writes nothing', async () => {
    const count = async () =>
      (await gql(server.url, '{ articlesCount }', { cookie: staff })).body.data.articlesCount
    const before = await count()
    await expectBadInput(
      'mutation { createArticle(data: {headline: "x"}) { id authors(skip: -1) { id } } }',
      /skip/,
      { cookie: staff }
    )
    expect(await count()).toBe(before)
  })

  it('a filter text longer than 1,000 characters', async () => {
    const long = 'a'.repeat(100_000)
    const query =
      'query($t: String!) { articles(take: 1, where: {headline: {contains: $t}}) { id } }'
    for (const who of callers(staff)) {
      await expectBadInput(query, /100000 characters; at most 1000/, {
        ...who,
        variables: { t: long },
      })
      await expectBadInput(
        `{ articles(take: 1, where: {headline: {startsWith: "${'b'.repeat(60_000)}"}}) { id } }`,
        /60000 characters/,
        who
      )
    }
  })

  it('in/notIn lists and AND/OR arrays past 500 items in all', async () => {
    const ids = Array.from({ length: 8000 }, (_, i) => String(i + 1))
    const or = Array.from({ length: 3000 }, (_, i) => ({ headline: { contains: `w${i}` } }))
    for (const who of callers(staff)) {
      await expectBadInput(
        'query($ids: [ID!]) { articles(take: 1, where: {id: {in: $ids}}) { id } }',
        /8000 items.*at most 500/,
        { ...who, variables: { ids } }
      )
      await expectBadInput(
        'query($or: [ArticleWhereInput!]) { articles(take: 1, where: {OR: $or}) { id } }',
        /3000 items/,
        { ...who, variables: { or } }
      )
      await expectBadInput(
        'query($or: [PersonWhereInput!]) { articles(take: 1, where: {authors: {some: {OR: $or}}}) { id } }',
        /items/,
        {
          ...who,
          variables: { or: Array.from({ length: 3000 }, () => ({ name: { equals: 'x' } })) },
        }
      )
      // 300 + 300: the total per request counts.
      const half = ids.slice(0, 300)
      await expectBadInput(
        'query($a: [ID!], $b: [ID!]) { a: articles(take: 1, where: {id: {in: $a}}) { id } b: articles(take: 1, where: {id: {notIn: $b}}) { id } }',
        /600 items/,
        { ...who, variables: { a: half, b: half } }
      )
    }
  })

  it('orderBy past 5 terms', async () => {
    const orderBy = Array.from({ length: 2000 }, () => ({ id: 'asc' }))
    for (const who of callers(staff)) {
      await expectBadInput(
        'query($o: [ArticleOrderByInput!]!) { articles(take: 1, orderBy: $o) { id } }',
        /2000 terms; at most 5/,
        { ...who, variables: { o: orderBy } }
      )
    }
  })

  it('what the Admin UI sends still passes', async () => {
    const { status, body } = await gql(
      server.url,
      `query($ids: [ID!]) { articles(take: 50, skip: 0, orderBy: [{headline: asc}, {id: desc}],
        where: {OR: [{headline: {contains: "banjir"}}, {id: {in: $ids}}]}) { id authors(skip: 0) { id } } }`,
      { cookie: staff, variables: { ids: Array.from({ length: 100 }, (_, i) => String(i + 1)) } }
    )
    expect(body.errors).toBeUndefined()
    expect(status).toBe(200)
  })
})

describe('operations the staff API cannot run', () => {
  it('4,900 __typename fields name the limit, not "Validation aborted."', async () => {
    const query = `{ ${'__typename '.repeat(4900)}}`
    const { status, body } = await gql(server.url, query, { cookie: staff })
    expect(status).toBe(400)
    expect(body.errors).toHaveLength(1)
    expect(body.errors![0]!.message).toMatch(/fields|tokens/)
    expect(body.errors![0]!.message).not.toMatch(/aborted/)
  })

  it('a subscription is a 400 with its own code', async () => {
    for (const who of callers(staff)) {
      const { status, body } = await gql(server.url, 'subscription { __typename }', who)
      expect(status).toBe(400)
      expect(body.errors![0]!.message).toMatch(/Subscriptions are not supported/)
      expect(body.errors![0]).toMatchObject({ extensions: { code: 'OPERATION_NOT_SUPPORTED' } })
    }
  })
})
