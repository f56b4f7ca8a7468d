// Over real HTTP, in development (where Keystone shows most), no answer carries internal text:
// no JavaScript error, no Prisma or driver message, no stack trace; refusals by the database
// are told in words, and a refused many-item write writes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { gql, signIn, startServer, type StartedServer } from '../helpers/server'

const PASSWORD = 'http-errors-password'
const INTERNAL = /prisma|sqlite|invocation|maximum call stack|TypeError|RangeError|\.js:\d+/i
let server: StartedServer
let editor: string

beforeAll(async () => {
  server = await startServer({ WARTA_DEV_PASSWORD: PASSWORD })
  editor = await signIn(server.url, 'editor@warta.test', PASSWORD)
}, 120_000)
afterAll(async () => server?.stop())

async function post(body: string) {
  const response = await fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: editor },
    body,
  })
  return { status: response.status, text: await response.text() }
}

it('a query nested past the stack answers without the RangeError', async () => {
  const depth = 30_000
  const query = `{${'a{'.repeat(depth)}b${'}'.repeat(depth)}}`
  const { status, text } = await post(JSON.stringify({ query }))
  expect(status).toBeLessThan(500)
  expect(text).not.toMatch(INTERNAL)
})

it('variables nested past the stack answer without the RangeError', async () => {
  const depth = 8_000
  // Written out: JSON.stringify itself would overflow on the nested object.
  const where = `${'{"AND":['.repeat(depth)}{"id":{"equals":"x"}}${']}'.repeat(depth)}`
  const query = JSON.stringify('query($w: ArticleWhereInput!) { articles(where: $w) { id } }')
  const { status, text } = await post(`{"query":${query},"variables":{"w":${where}}}`)
  expect(status).toBeLessThan(500)
  expect(text).not.toMatch(INTERNAL)
})

it('a body past the size limit is refused without a stack trace', async () => {
  const { status, text } = await post(
    JSON.stringify({ query: `{ articles { id } }`, pad: 'x'.repeat(2_000_000) })
  )
  expect(status).toBe(413)
  expect(text).not.toMatch(INTERNAL)
  // A GraphQL error in JSON, as every other refusal (src/http/body.ts), never Express's HTML page.
  expect(JSON.parse(text).errors[0].message).toMatch(/larger than/i)
})

it('createTags with a slug given twice: words, and nothing written', async () => {
  const count = async () =>
    (await gql(server.url, '{ tagsCount }', { cookie: editor })).body.data.tagsCount as number
  const before = await count()
  const { body } = await gql(
    server.url,
    `mutation { createTags(data: [{ name: "A", slug: "sama" }, { name: "B", slug: "sama" }]) { id } }`,
    { cookie: editor }
  )
  expect(body.errors?.[0]?.message).toMatch(/already (used|exists)/)
  expect(JSON.stringify(body)).not.toMatch(INTERNAL)
  expect(await count()).toBe(before)
})
