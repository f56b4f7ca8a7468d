// The newsroom's round trip over real HTTP with real sign-in cookies.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { content, gql, startServer, type StartedServer } from '../helpers/server'

const PASSWORD = 'http-workflow-password'
let server: StartedServer
beforeAll(async () => {
  server = await startServer({ WARTA_DEV_PASSWORD: PASSWORD })
}, 120_000)
afterAll(async () => server?.stop())

async function cookieOf(email: string) {
  const { setCookie } = await gql(
    server.url,
    `mutation($e: String!, $p: String!) { authenticateUserWithPassword(email: $e, password: $p) { __typename } }`,
    { variables: { e: email, p: PASSWORD } }
  )
  return setCookie!.split(';')[0]!
}

it('reporter submits, editor sends back, reporter resubmits, editor publishes, readers see it', async () => {
  const reporter = await cookieOf('reporter@warta.test')
  const editor = await cookieOf('editor@warta.test')
  const run = async (cookie: string, query: string, variables: Record<string, unknown> = {}) => {
    const { status, body } = await gql(server.url, query, { cookie, variables })
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    return body.data
  }

  const { createArticle } = await run(
    reporter,
    `mutation { createArticle(data: {
      headline: "Gempa di Cianjur"
      body: [{ type: "paragraph", children: [{ text: "Gempa magnitudo 5,6 mengguncang." }] }]
    }) { id version status authors { name } } }`
  )
  expect(createArticle).toMatchObject({
    status: 'draft',
    authors: [{ name: 'Cindy Frishanti Octavia' }],
  })
  const id = createArticle.id
  const step = (cookie: string, mutation: string, version: number, extra = '') =>
    run(
      cookie,
      `mutation($id: ID!) { ${mutation}(where: { id: $id }, version: ${version}${extra}) { status version } }`,
      {
        id,
      }
    )

  expect((await step(reporter, 'submitArticle', 1)).submitArticle.status).toBe('in_review')
  // The reporter has no Publish: the server refuses it.
  const refused = await gql(
    server.url,
    `mutation($id: ID!) { publishArticle(where: { id: $id }, version: 2) { id } }`,
    {
      cookie: reporter,
      variables: { id },
    }
  )
  expect(refused.body.errors?.[0]?.message).toBe('You may not publish this story')
  expect(
    (await step(editor, 'sendBackArticle', 2, ', note: "Tambahkan data BMKG"')).sendBackArticle
      .status
  ).toBe('draft')
  const seen = await run(
    reporter,
    `query($id: ID!) { article(where: { id: $id }) { events { action note } } }`,
    { id }
  )
  expect(seen.article.events).toContainEqual({ action: 'sendBack', note: 'Tambahkan data BMKG' })
  await run(
    reporter,
    `mutation($id: ID!) { updateArticle(where: { id: $id }, data: { summary: "Data BMKG ditambahkan", version: 3 }) { version } }`,
    { id }
  )
  expect((await step(reporter, 'submitArticle', 4)).submitArticle.status).toBe('in_review')
  expect((await step(editor, 'publishArticle', 5)).publishArticle).toEqual({
    status: 'published',
    version: 6,
  })

  // Readers get it from the Content API, by its slug.
  const slug = (
    await gql(server.url, `query($id: ID!) { article(where: { id: $id }) { slug } }`, {
      cookie: editor,
      variables: { id },
    })
  ).body.data.article.slug
  const readers = await content(
    server.url,
    `query($slug: String!) { story(slug: $slug) { id headline status publishedAt } }`,
    { slug }
  )
  expect(readers.body.data.story).toMatchObject({
    id,
    headline: 'Gempa di Cianjur',
    status: 'PUBLISHED',
  })
  expect(Date.parse(readers.body.data.story.publishedAt)).toBeGreaterThan(Date.now() - 60_000)
})
