// The public read path over real HTTP: public page queries are answered from the read model in
// one SQL statement, byte for byte as Keystone answers them, and never after the story changed,
// was unpublished or killed; drafts and signed-in requests never touch it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { latest, personPage, storyPage } from '../../src/public/documents'
import { onPostgres, queryRows } from '../helpers/database'
import { gql, startServer, type StartedServer } from '../helpers/server'

const PASSWORD = 'read-path-password'
const SEEDED = 'jepang-nato-petakan-bidang-kerja-sama-dalam-program-baru'
let server: StartedServer
let databaseUrl = ''
beforeAll(async () => {
  server = await startServer(
    { WARTA_DEV_PASSWORD: PASSWORD, WARTA_SQL_COUNT: '1' },
    { beforeStart: url => (databaseUrl = url) }
  )
}, 120_000)
afterAll(async () => server?.stop())

/** A frontend's request: the exact bytes of the answer. */
async function post(query: string, variables?: Record<string, unknown>, cookie?: string) {
  const response = await fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(variables ? { query, variables } : { query }),
  })
  expect(response.status).toBe(200)
  lastSource = response.headers.get('x-warta-read-model')
  return response.text()
}
/** Where the last answer came from: "hit" is the read model (see src/public/read-path.ts). */
let lastSource: string | null = null
const story = async (slug: string) => JSON.parse(await post(storyPage, { slug })).data.article

/**
 * SQL statements `request` ran. Counted on SQLite (WARTA_SQL_COUNT); PostgreSQL has no counter,
 * so there it is 1 exactly when the answer came from the read model, whose hit is one SELECT.
 */
async function statementsOf(request: () => Promise<unknown>) {
  if (onPostgres) {
    await request()
    return lastSource === 'hit' ? 1 : Number.NaN
  }
  const read = async () =>
    ((await (await fetch(`${server.url}/__warta/sql`)).json()) as { total: number }).total
  const before = await read()
  await request()
  expect(lastSource).toBe('hit')
  return (await read()) - before
}

async function storedKeys(): Promise<string[]> {
  const rows = await queryRows(databaseUrl, 'SELECT "key" FROM "PublicPage" ORDER BY "key"')
  return rows.map(row => String(row.key))
}

const cookies: Record<string, string> = {}
async function as(
  who: 'editor' | 'reporter',
  query: string,
  variables: Record<string, unknown> = {}
) {
  if (!cookies[who]) {
    const { setCookie } = await gql(
      server.url,
      `mutation($e: String!, $p: String!) { authenticateUserWithPassword(email: $e, password: $p) { __typename } }`,
      { variables: { e: `${who}@warta.test`, p: PASSWORD } }
    )
    cookies[who] = setCookie!.split(';')[0]!
  }
  const { body } = await gql(server.url, query, { cookie: cookies[who], variables })
  expect(body.errors).toBeUndefined()
  return body.data
}
const versionOf = async (slug: string) =>
  (
    await as('editor', `query($s: String!) { article(where: { slug: $s }) { version } }`, {
      s: slug,
    })
  ).article.version
const act = async (action: string, slug: string, extra = '') =>
  as(
    'editor',
    `mutation($s: String!, $v: Int!) { ${action}(where: { slug: $s }, version: $v${extra}) { status } }`,
    {
      s: slug,
      v: await versionOf(slug),
    }
  )

describe('answers', () => {
  it('the story page: the same bytes as Keystone, then from the read model in one statement', async () => {
    // The same query with a trailing space is not a public document: Keystone answers it.
    const keystone = await post(`${storyPage} `, { slug: SEEDED })
    const first = await post(storyPage, { slug: SEEDED })
    let second = ''
    expect(await statementsOf(async () => (second = await post(storyPage, { slug: SEEDED })))).toBe(
      1
    )
    expect(first).toBe(keystone)
    expect(second).toBe(keystone)
    expect(JSON.parse(second).data.article.authors.map((a: { name: string }) => a.name)).toEqual([
      'Cindy Frishanti Octavia',
    ])
    expect(await storedKeys()).toContain(`story:${SEEDED}`)
  })

  it('the latest listing and a person page, likewise', async () => {
    for (const [query, variables] of [
      [latest, undefined],
      [personPage, { slug: 'cindy-frishanti-octavia' }],
    ] as const) {
      const keystone = await post(`${query} `, variables)
      expect(await post(query, variables)).toBe(keystone)
      let again = ''
      expect(await statementsOf(async () => (again = await post(query, variables)))).toBe(1)
      expect(again).toBe(keystone)
    }
  })
})

describe('written at publication', () => {
  it("a story's page is in the read model before its first reader asks", async () => {
    const { createArticle } = await as(
      'editor',
      `mutation { createArticle(data: {
      headline: "Terbit sekarang", authors: { connect: [{ slug: "arie-novarina" }] },
      body: [{ type: "paragraph", children: [{ text: "Isi." }] }] }) { slug } }`
    )
    const key = `story:${createArticle.slug}`
    await act('publishArticle', createArticle.slug)
    const deadline = Date.now() + 5_000
    while (!(await storedKeys()).includes(key) && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    expect(await storedKeys()).toContain(key)
    expect(await statementsOf(() => story(createArticle.slug))).toBe(1)
  })
})

describe('never stale', () => {
  it('unpublished: gone at once; republished: back', async () => {
    expect(await story(SEEDED)).not.toBeNull()
    await act('unpublishArticle', SEEDED, ', reason: "Verifikasi ulang"')
    expect(await story(SEEDED)).toBeNull()
    expect(
      JSON.parse(await post(latest)).data.articles.map((a: { slug: string }) => a.slug)
    ).not.toContain(SEEDED)
    await act('republishArticle', SEEDED)
    expect((await story(SEEDED)).status).toBe('published')
  })

  it('a correction, an edit and a renamed author show at once', async () => {
    await story(SEEDED)
    const { article } = await as(
      'editor',
      `query($s: String!) { article(where: { slug: $s }) { id } }`,
      { s: SEEDED }
    )
    await as(
      'editor',
      `mutation($id: ID!) { createCorrection(data: {
      article: { connect: { id: $id } }, kind: "correction", note: "Nama jabatan diperbaiki" }) { id } }`,
      { id: article.id }
    )
    expect((await story(SEEDED)).corrections.map((c: { note: string }) => c.note)).toEqual([
      'Nama jabatan diperbaiki',
    ])

    await as(
      'editor',
      `mutation($s: String!, $v: Int!) { updateArticle(where: { slug: $s }, data: { summary: "Ringkasan baru", version: $v }) { id } }`,
      {
        s: SEEDED,
        v: await versionOf(SEEDED),
      }
    )
    expect((await story(SEEDED)).summary).toBe('Ringkasan baru')

    await as(
      'editor',
      `mutation { updatePerson(where: { slug: "cindy-frishanti-octavia" }, data: { jobTitle: "Pewarta" }) { id } }`
    )
    expect((await story(SEEDED)).authors[0].jobTitle).toBe('Pewarta')
    const person = JSON.parse(await post(personPage, { slug: 'cindy-frishanti-octavia' })).data
      .person
    expect(person.jobTitle).toBe('Pewarta')
  })

  it('a scheduled story enters the listing when its time comes, not before', async () => {
    await post(latest)
    const { createArticle } = await as(
      'editor',
      `mutation { createArticle(data: {
      headline: "Terjadwal", authors: { connect: [{ slug: "arie-novarina" }] },
      body: [{ type: "paragraph", children: [{ text: "Isi." }] }] }) { slug } }`
    )
    const at = new Date(Date.now() + 3_000).toISOString()
    await act('publishArticle', createArticle.slug, `, publishedAt: "${at}"`)
    const slugs = async () =>
      JSON.parse(await post(latest)).data.articles.map((a: { slug: string }) => a.slug)
    expect(await slugs()).not.toContain(createArticle.slug)
    expect(await story(createArticle.slug)).toBeNull()
    await new Promise(resolve => setTimeout(resolve, Date.parse(at) - Date.now() + 300))
    expect(await slugs()).toContain(createArticle.slug)
    expect((await story(createArticle.slug)).headline).toBe('Terjadwal')
  })

  it('killed: only the kill notice, at once', async () => {
    await story(SEEDED)
    await act('killArticle', SEEDED, ', reason: "Sumber mencabut pernyataan"')
    expect(await story(SEEDED)).toMatchObject({
      status: 'killed',
      killReason: 'Sumber mencabut pernyataan',
      body: null,
      authors: null,
    })
  })
})

describe('no leaks', () => {
  it('a draft is never kept or shown; signed-in requests neither read nor fill the read model', async () => {
    const { createArticle } = await as(
      'reporter',
      `mutation { createArticle(data: {
      headline: "Draf rahasia", body: [{ type: "paragraph", children: [{ text: "Belum terbit." }] }] }) { slug } }`
    )
    const slug = createArticle.slug
    expect(await story(slug)).toBeNull()
    // The reporter sees the draft, through Keystone; nothing is stored for anyone.
    const mine = JSON.parse(await post(storyPage, { slug }, cookies.reporter)).data.article
    expect(mine.headline).toBe('Draf rahasia')
    expect(await storedKeys()).not.toContain(`story:${slug}`)
    expect(await story(slug)).toBeNull()
  })
})
