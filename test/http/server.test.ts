import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { content, gql, startServer, type StartedServer } from '../helpers/server'

const SEEDED = 'jepang-nato-petakan-bidang-kerja-sama-dalam-program-baru'
const SIGN_IN = `mutation($email: String!, $password: String!) {
  authenticateUserWithPassword(email: $email, password: $password) {
    ... on UserAuthenticationWithPasswordSuccess { item { id name role } }
    ... on UserAuthenticationWithPasswordFailure { message }
  }
}`

let server: StartedServer
beforeAll(async () => {
  server = await startServer({ WARTA_DEV_PASSWORD: 'http-test-password' })
}, 120_000)
afterAll(async () => server?.stop())

describe('a started server, over real HTTP', () => {
  it('seeded the empty database on first start and printed the dev sign-in', async () => {
    expect(server.output()).toContain('Seeded the ANTARA story')
    expect(server.output()).toContain('editor@warta.test')
    // Readers get it from the Content API.
    const { status, body } = await content(
      server.url,
      `{ story(slug: "${SEEDED}") { headline authors { name } editors { name } } }`
    )
    expect(status).toBe(200)
    expect(body.data.story).toEqual({
      headline: 'Jepang-NATO petakan bidang kerja sama dalam program baru',
      authors: [{ name: 'Cindy Frishanti Octavia' }],
      editors: [{ name: 'Arie Novarina' }],
    })
  })

  it('has no SQL counter unless WARTA_SQL_COUNT=1 (benchmarks only)', async () => {
    const response = await fetch(`${server.url}/__warta/sql`)
    expect(response.status).toBe(404)
  })

  it('does not say whether an email exists when sign-in fails', async () => {
    const wrongPassword = await gql(server.url, SIGN_IN, {
      variables: { email: 'editor@warta.test', password: 'not-the-password' },
    })
    const unknownEmail = await gql(server.url, SIGN_IN, {
      variables: { email: 'nobody@warta.test', password: 'not-the-password' },
    })
    expect(wrongPassword.body.data.authenticateUserWithPassword.message).toBeTruthy()
    expect(unknownEmail.body.data.authenticateUserWithPassword.message).toBe(
      wrongPassword.body.data.authenticateUserWithPassword.message
    )
    expect(wrongPassword.setCookie).toBeNull()
  })

  it('signs in, then queries and writes with the session cookie', async () => {
    const signIn = await gql(server.url, SIGN_IN, {
      variables: { email: 'editor@warta.test', password: 'http-test-password' },
    })
    expect(signIn.body.data.authenticateUserWithPassword.item).toMatchObject({ role: 'editor' })
    const cookie = signIn.setCookie?.split(';')[0]
    expect(cookie).toMatch(/^keystonejs-session=/)

    const me = await gql(server.url, '{ authenticatedItem { email role } usersCount }', { cookie })
    expect(me.body.data).toEqual({
      authenticatedItem: { email: 'editor@warta.test', role: 'editor' },
      usersCount: 3,
    })

    const created = await gql(
      server.url,
      `mutation { createArticle(data: { headline: "Uji coba HTTP" }) { slug status } }`,
      { cookie }
    )
    expect(created.body.data.createArticle).toEqual({ slug: 'uji-coba-http', status: 'draft' })

    // Staff see the new draft; anonymous callers are refused; readers see the published story only.
    const staff = await gql(server.url, '{ articlesCount }', { cookie })
    const anonymous = await gql(server.url, '{ articlesCount usersCount }')
    expect(staff.body.data.articlesCount).toBe(2)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.data).toBeUndefined()
    const readers = await content(server.url, '{ stories { nodes { slug } } }')
    expect(readers.body.data.stories.nodes).toEqual([{ slug: SEEDED }])
  })

  it('answers bad input with a clear GraphQL error, not an HTTP 500', async () => {
    const signIn = await gql(server.url, SIGN_IN, {
      variables: { email: 'editor@warta.test', password: 'http-test-password' },
    })
    const cookie = signIn.setCookie?.split(';')[0]
    const bad = await gql(
      server.url,
      `mutation { createRelatedLink(data: { label: "x", url: "javascript:alert(1)", article: { connect: { slug: "${SEEDED}" } } }) { id } }`,
      { cookie }
    )
    expect(bad.status).toBe(200)
    expect(bad.body.errors?.[0]?.message).toMatch(/RelatedLink\.url: must be an absolute http/)
    // One line in the server's log for the operator.
    expect(server.output()).toMatch(
      /GraphQL error \S+ at createRelatedLink: .*RelatedLink\.url: must be an absolute http.*\n/
    )
    const links = await gql(server.url, '{ relatedLinksCount }', { cookie })
    expect(links.body.data.relatedLinksCount).toBe(2)
  })
})
