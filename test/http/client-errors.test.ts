// Over real HTTP: bad input in a read or a write is told to the client in words with a client
// code: a null in a filter names the argument (400), GraphQL's own validation text is kept, and
// a body the editor cannot hold is refused in one sentence, never zod's or Slate's text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, signIn, startServer, type StartedServer } from '../helpers/server'

const PASSWORD = 'http-client-errors-password'
const INTERNAL =
  /internal server error|prisma|sqlite|invocation|TypeError|invalid_union|zod|start point|slate|\.js:\d+|refused this change/i
let server: StartedServer
let editor: string

beforeAll(async () => {
  server = await startServer({ WARTA_DEV_PASSWORD: PASSWORD })
  editor = await signIn(server.url, 'editor@warta.test', PASSWORD)
}, 120_000)
afterAll(async () => server?.stop())

type Answer = { status: number; message: string; code: string; text: string }

/** The staff API's answer to an editor (anonymous callers are refused first: staff-only.test.ts). */
async function ask(query: string, cookie: string = editor): Promise<Answer> {
  const { status, body } = await gql(server.url, query, { cookie })
  const error = body.errors?.[0] as { message: string; extensions?: { code?: string } } | undefined
  return {
    status,
    message: error?.message ?? '',
    code: error?.extensions?.code ?? '',
    text: JSON.stringify(body),
  }
}

describe('a null in a filter', () => {
  it.each([
    ['{ articles(take: 5, where: { AND: null }) { id } }', 'where.AND'],
    ['{ tagsCount(where: { OR: null }) }', 'where.OR'],
    ['{ people(take: 5, where: { NOT: null }) { id } }', 'where.NOT'],
    ['{ articles(take: 5, where: { summary: { equals: null } }) { id } }', 'where.summary.equals'],
    ['{ articles(take: 5, where: { status: { equals: null } }) { id } }', 'where.status.equals'],
    ['{ articles(take: 5, where: { version: { equals: null } }) { id } }', 'where.version.equals'],
    ['{ articles(take: 5, where: { headline: { in: null } }) { id } }', 'where.headline.in'],
    ['{ articles(take: 5, where: { headline: { not: null } }) { id } }', 'where.headline.not'],
    ['{ articles(take: 5, where: { slug: { contains: null } }) { id } }', 'where.slug.contains'],
    ['{ articles(take: 5, where: { headline: null }) { id } }', 'where.headline'],
    [
      '{ articles(take: 5, where: { tags: { some: { name: { gt: null } } } }) { id } }',
      'where.tags.some.name.gt',
    ],
    [
      '{ articles(take: 5, where: { OR: [{ id: { notIn: null } }] }) { id } }',
      'where.OR.0.id.notIn',
    ],
  ])('%s is refused naming %s', async (query, path) => {
    const answer = await ask(query)
    expect(answer.status).toBe(400)
    expect(answer.message).toBe(`${path} may not be null`)
    expect(answer.code).toBe('BAD_USER_INPUT')
    expect(answer.text).not.toMatch(INTERNAL)
  })

  it('in a relationship field is refused too', async () => {
    await ask('mutation { createTag(data: { name: "Nol" }) { id } }', editor)
    const query = '{ tags(take: 2) { id articles(take: 2, where: { AND: null }) { id } } }'
    const answer = await ask(query, editor)
    expect(answer.message).toBe('where.AND may not be null')
    expect(answer.code).toBe('BAD_USER_INPUT')
  })

  it('a null that means "empty" still works', async () => {
    const answer = await ask(
      '{ articles(take: 5, where: { publishedAt: { equals: null } }) { id } }',
      editor
    )
    expect(answer.text).not.toMatch(/errors/)
  })
})

it.each([
  [
    '{ articles(take: 10, where: { body: {} }) { id } }',
    /Field "body" is not defined by type "ArticleWhereInput"/,
  ],
  [
    '{ articles(take: 5, where: { prismaStuff: { equals: "x" } }) { id } }',
    /Field "prismaStuff" is not defined/,
  ],
])("GraphQL's own validation text reaches the client: %s", async (query, text) => {
  const answer = await ask(query)
  expect(answer.status).toBe(400)
  expect(answer.code).toBe('GRAPHQL_VALIDATION_FAILED')
  expect(answer.message).toMatch(text)
})

describe('a body the story editor cannot hold', () => {
  const count = async () =>
    (await gql(server.url, '{ articlesCount }', { cookie: editor })).body.data
      .articlesCount as number
  const paragraph = (...children: object[]) => ({ type: 'paragraph', children })
  const link = (children: object[]) => ({ type: 'link', href: 'https://a.b', children })

  it.each([
    ['text at the top level', [{ text: 'x' }], /top level: put it in a paragraph/],
    ['a link with no children', [paragraph({ text: '' }, link([]), { text: '' })], /no children/],
    ['a paragraph with no children', [paragraph()], /no children/],
    ['a link in a link', [paragraph(link([link([{ text: 'x' }])]))], /more than text/],
    ['a paragraph in a paragraph', [paragraph(paragraph({ text: 'x' }))], /holds only text/],
    [
      'text straight in a blockquote',
      [{ type: 'blockquote', children: [{ text: 'x' }] }],
      /in a paragraph/,
    ],
    [
      'text straight in a list item',
      [{ type: 'unordered-list', children: [{ type: 'list-item', children: [{ text: 'x' }] }] }],
      /in a list-item-content/,
    ],
  ])('%s is refused in one sentence, and nothing is written', async (_, body, words) => {
    const before = await count()
    const { body: answer } = await gql(
      server.url,
      'mutation($body: JSON!) { createArticle(data: { headline: "Badan", body: $body }) { id } }',
      { cookie: editor, variables: { body } }
    )
    const message = answer.errors?.[0]?.message ?? ''
    expect(message).toMatch(/the story body /)
    expect(message).toMatch(words)
    expect(JSON.stringify(answer)).not.toMatch(INTERNAL)
    expect(await count()).toBe(before)
  })
})

describe('workflow refusals over HTTP carry client codes', () => {
  let id: string
  beforeAll(async () => {
    const { body } = await gql(
      server.url,
      'mutation { createArticle(data: { headline: "Kode" }) { id } }',
      { cookie: editor }
    )
    id = body.data.createArticle.id
  })

  it.each([
    ['submitArticle(where: { id: $id }, version: 7)', 'STALE_VERSION', /changed by/],
    ['publishArticle(where: { id: $id }, version: 1)', 'BAD_USER_INPUT', /needs a body/],
    [
      'killArticle(where: { id: $id }, version: 1, reason: "bell \\u0007 x")',
      'BAD_USER_INPUT',
      /./,
    ],
    ['sendBackArticle(where: { id: "nope" }, version: 1, note: "x")', 'NOT_FOUND', /No such story/],
  ])('%s', async (call, code, words) => {
    const declared = call.includes('$id') ? '($id: ID!)' : ''
    const query = `mutation${declared} { ${call} { id } }`
    const variables = declared ? { id } : {}
    const { status, body } = await gql(server.url, query, { cookie: editor, variables })
    expect(status).toBeLessThan(500)
    const error = body.errors?.[0] as { message: string; extensions: { code: string } } | undefined
    expect(error?.extensions.code).toBe(code)
    expect(error?.message).toMatch(words)
    expect(JSON.stringify(body)).not.toMatch(INTERNAL)
  })
})
