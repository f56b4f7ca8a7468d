// Deeply nested requests and text no field may hold get a clear 400 over real HTTP, never
// "Maximum call stack size exceeded" or a database error, and ordinary requests still work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql as post_, signIn, startServer, type StartedServer } from '../helpers/server'

const PASSWORD = 'http-nesting-password'
let server: StartedServer
let editor: string
beforeAll(async () => {
  server = await startServer({ WARTA_DEV_PASSWORD: PASSWORD })
  editor = await signIn(server.url, 'editor@warta.test', PASSWORD)
}, 120_000)
afterAll(async () => server?.stop())

/** The staff API, as an editor: anonymous callers are refused before any of this (staff-only.test.ts). */
const gql: typeof post_ = (url, query, options = {}) =>
  post_(url, query, { cookie: editor, ...options })

function expectClear400(result: Awaited<ReturnType<typeof gql>>, message: RegExp) {
  expect(result.status).toBe(400)
  const text = result.body.errors!.map(e => e.message).join('\n')
  expect(text).toMatch(message)
  expect(text).not.toMatch(/call stack|prisma|recursion/i)
}

/** POSTs a query whose variables are given as JSON text: too deep for JSON.stringify here. */
async function post(query: string, variables: Record<string, string>, cookie = editor) {
  const json = Object.entries(variables)
    .map(([name, value]) => `${JSON.stringify(name)}:${value}`)
    .join(',')
  const response = await fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: `{"query":${JSON.stringify(query)},"variables":{${json}}}`,
  })
  const body = (await response.json()) as { errors?: { message: string }[] }
  return { status: response.status, body, setCookie: null }
}

const andWhere = (depth: number) => {
  let where: Record<string, unknown> = { headline: { equals: 'x' } }
  for (let i = 0; i < depth; i++) where = { AND: [where] }
  return where
}

describe('nesting limits', () => {
  it.each([1_000, 5_000])('a filter literal nested %i deep is refused', async depth => {
    const literal = '{ AND: ['.repeat(depth) + '{}' + '] }'.repeat(depth)
    const result = await gql(server.url, `{ articles(where: ${literal}) { id } }`)
    expectClear400(result, /nested (too deeply|more than 20 levels)/)
  })

  it('a body literal nested 1,000 deep is refused', async () => {
    let body = '{ type: "paragraph", children: [{ text: "x" }] }'
    for (let i = 0; i < 1000; i++) body = `{ type: "blockquote", children: [${body}] }`
    const result = await gql(
      server.url,
      `mutation { createArticle(data: { headline: "x", body: [${body}] }) { id } }`,
      { cookie: editor }
    )
    // The parser's token budget (src/graphql/budgets.ts) may stop it first: as clear a refusal.
    expectClear400(result, /nested (too deeply|more than 20 levels)|more tha[nt] \d+ tokens/)
  })

  it.each([30, 10_000])('a filter variable nested %i deep is refused', async depth => {
    const where = '{"AND":['.repeat(depth) + '{}' + ']}'.repeat(depth)
    const result = await post(`query($w: ArticleWhereInput!) { articles(where: $w) { id } }`, {
      w: where,
    })
    expectClear400(result, /nested more than 20 levels/)
  })

  it('a filter literal nested 25 deep is refused', async () => {
    const literal = '{ AND: ['.repeat(25) + '{}' + '] }'.repeat(25)
    const result = await gql(server.url, `{ articles(where: ${literal}) { id } }`)
    expectClear400(result, /nested more than 20 levels/)
  })

  it('a 2,000-deep body in a variable gets the body’s own message', async () => {
    const depth = 2_000
    const body =
      '[' +
      '{"type":"blockquote","children":['.repeat(depth) +
      '{"type":"paragraph","children":[{"text":"x"}]}' +
      ']}'.repeat(depth) +
      ']'
    const result = await post(
      `mutation($b: JSON) { createArticle(data: { headline: "x", body: $b }) { id } }`,
      { b: body },
      editor
    )
    const text = result.body.errors!.map(e => e.message).join('\n')
    expect(text).toMatch(/Article\.body: the story body is nested deeper than 32 levels/)
    expect(text).not.toMatch(/call stack|prisma/i)
  })

  it.each([
    ['NUL in a filter variable', '{ articles(where: $w) { id } }', { slug: { equals: 'a\u0000' } }],
    [
      'a lone surrogate in a filter variable',
      '{ articles(where: $w) { id } }',
      { headline: { contains: '\ud800' } },
    ],
  ])('%s is refused, naming where', async (_, selection, where) => {
    const result = await gql(server.url, `query($w: ArticleWhereInput!) ${selection}`, {
      variables: { w: where },
    })
    expectClear400(
      result,
      /The value of \$w\.\w+\.\w+ must not contain NUL characters or broken Unicode/
    )
  })

  it('NUL in a string literal is refused', async () => {
    const result = await gql(server.url, `{ article(where: { slug: "a\\u0000" }) { id } }`)
    expectClear400(result, /A text argument must not contain NUL/)
  })

  it('NUL in a new profile’s name is refused before it is written', async () => {
    const result = await gql(
      server.url,
      `mutation($d: PersonCreateInput!) { createPerson(data: $d) { id } }`,
      { cookie: editor, variables: { d: { name: 'Nama\u0000' } } }
    )
    expectClear400(result, /\$d\.name must not contain NUL/)
  })

  it('ordinary nesting still works', async () => {
    const result = await gql(
      server.url,
      `query($w: ArticleWhereInput!) { articles(where: $w, take: 10) { id } }`,
      { variables: { w: andWhere(10) } }
    )
    expect(result.status).toBe(200)
    expect(result.body.errors).toBeUndefined()
    const seeded = await gql(
      server.url,
      `{ articles(where: { authors: { some: { name: { contains: "Cindy" } } } }, take: 10) { slug } }`
    )
    expect(seeded.body.data.articles).toHaveLength(1)
  })
})
