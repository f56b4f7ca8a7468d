// Issue 12 §7: a long read (50,000 words) saves; a body over the limit, or not JSON, is answered
// as a GraphQL error in JSON (never Express's HTML page), and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, startServer, type StartedServer } from '../helpers/server'

const PASSWORD = 'http-size-password'
const SIGN_IN = `mutation($email: String!, $password: String!) {
  authenticateUserWithPassword(email: $email, password: $password) {
    ... on UserAuthenticationWithPasswordSuccess { item { id } }
  }
}`
const WORDS = ['pemerintah', 'daerah', 'menetapkan', 'anggaran', 'banjir', 'warga', 'di', 'kota']

/** A story body of `words` words, in paragraphs of 100. */
function longBody(words: number) {
  return Array.from({ length: Math.ceil(words / 100) }, (_, p) => ({
    type: 'paragraph',
    children: [
      {
        text: Array.from({ length: Math.min(100, words - p * 100) }, (_, w) => WORDS[(p + w) % 8])
          .join(' ')
          .concat('.'),
      },
    ],
  }))
}

let server: StartedServer
let cookie: string
beforeAll(async () => {
  server = await startServer({ WARTA_DEV_PASSWORD: PASSWORD })
  const { setCookie } = await gql(server.url, SIGN_IN, {
    variables: { email: 'reporter@warta.test', password: PASSWORD },
  })
  cookie = setCookie!.split(';')[0]!
}, 120_000)
afterAll(async () => server?.stop())

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })
  const type = response.headers.get('content-type') ?? ''
  return { status: response.status, type, text: await response.text() }
}

async function draft() {
  const { body } = await gql(
    server.url,
    'mutation { createArticle(data: { headline: "Laporan panjang" }) { id version } }',
    { cookie }
  )
  return body.data.createArticle as { id: string; version: number }
}

const UPDATE = `mutation($id: ID!, $body: JSON!, $version: Int!) {
  updateArticle(where: { id: $id }, data: { body: $body, version: $version }) { id version }
}`

describe('the request body limit', () => {
  it('a 50,000-word story saves through updateArticle, and reads back whole', async () => {
    const { id, version } = await draft()
    const body = longBody(50_000)
    const payload = JSON.stringify({ query: UPDATE, variables: { id, body, version } })
    expect(payload.length).toBeGreaterThan(100 * 1024) // past Keystone's default limit
    const saved = await post(payload, { cookie })
    expect(saved.status).toBe(200)
    expect(JSON.parse(saved.text).errors).toBeUndefined()
    const read = await gql(
      server.url,
      'query($id: ID!) { article(where: { id: $id }) { body { document } } }',
      { cookie, variables: { id } }
    )
    const text = (read.body.data.article.body.document as { children: { text: string }[] }[])
      .map(paragraph => paragraph.children.map(leaf => leaf.text).join(''))
      .join(' ')
    expect(text.split(/\s+/)).toHaveLength(50_000)
  })

  it('a body over the limit is a JSON GraphQL error (413), for staff and anonymous alike', async () => {
    const { id, version } = await draft()
    const huge = JSON.stringify({
      query: UPDATE,
      variables: { id, body: longBody(700_000), version },
    })
    expect(huge.length).toBeGreaterThan(4 * 1024 * 1024)
    for (const headers of [{ cookie }, {}] as Record<string, string>[]) {
      const answer = await post(huge, headers)
      expect(answer.status).toBe(413)
      expect(answer.type).toMatch(/^application\/json/)
      const { errors } = JSON.parse(answer.text)
      expect(errors[0].message).toMatch(/request body is (larger than|too large)/i)
      expect(errors[0].extensions.code).toBe('BODY_TOO_LARGE')
    }
    // Nothing was written.
    const after = await gql(
      server.url,
      'query($id: ID!) { article(where: { id: $id }) { version body { document } } }',
      { cookie, variables: { id } }
    )
    expect(after.body.data.article.version).toBe(version)
  })

  it('a body that is not JSON is a JSON GraphQL error (400), not an HTML page', async () => {
    for (const headers of [{ cookie }, {}] as Record<string, string>[]) {
      const answer = await post('{"query": "{ articlesCount }"', headers)
      expect(answer.status).toBe(400)
      expect(answer.type).toMatch(/^application\/json/)
      expect(JSON.parse(answer.text).errors[0].message).toMatch(/not valid JSON/)
    }
  })
})
