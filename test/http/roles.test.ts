// Role rules over real HTTP with real sign-in cookies: the server, not the Admin UI, refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, startServer, type StartedServer } from '../helpers/server'

const PASSWORD = 'http-roles-password'
const SEEDED = 'jepang-nato-petakan-bidang-kerja-sama-dalam-program-baru'
const SIGN_IN = `mutation($email: String!, $password: String!) {
  authenticateUserWithPassword(email: $email, password: $password) {
    ... on UserAuthenticationWithPasswordSuccess { item { id } }
    ... on UserAuthenticationWithPasswordFailure { message }
  }
}`

let server: StartedServer
async function signIn(email: string) {
  const { body, setCookie } = await gql(server.url, SIGN_IN, {
    variables: { email, password: PASSWORD },
  })
  return { cookie: setCookie?.split(';')[0], result: body.data.authenticateUserWithPassword }
}
const idOf = async (cookie: string, email: string) =>
  (await gql(server.url, `{ users(where: { email: { equals: "${email}" } }) { id } }`, { cookie }))
    .body.data.users[0].id as string

beforeAll(async () => {
  server = await startServer({ WARTA_DEV_PASSWORD: PASSWORD })
}, 120_000)
afterAll(async () => server?.stop())

describe('with a reporter\u2019s cookie', () => {
  it('updateArticle setting status fails with a clear error and changes nothing', async () => {
    const { cookie } = await signIn('reporter@warta.test')
    const draft = await gql(
      server.url,
      'mutation { createArticle(data: { headline: "Draf reporter" }) { id status } }',
      {
        cookie,
      }
    )
    const id = draft.body.data.createArticle.id
    const attempt = await gql(
      server.url,
      `mutation($id: ID!) { updateArticle(where: { id: $id }, data: { status: "published", version: 1 }) { status } }`,
      { cookie, variables: { id } }
    )
    expect(attempt.status).toBe(200)
    expect(attempt.body.errors?.[0]?.message).toMatch(/Access denied.*status/s)
    const after = await gql(
      server.url,
      `query($id: ID!) { article(where: { id: $id }) { status } }`,
      {
        cookie,
        variables: { id },
      }
    )
    expect(after.body.data.article.status).toBe('draft')
  })

  it('updateUser setting role fails with a clear error and changes nothing', async () => {
    const { cookie } = await signIn('reporter@warta.test')
    const me = await gql(server.url, '{ authenticatedItem { id role } }', { cookie })
    const { id } = me.body.data.authenticatedItem
    const attempt = await gql(
      server.url,
      `mutation($id: ID!) { updateUser(where: { id: $id }, data: { role: "admin" }) { role } }`,
      { cookie, variables: { id } }
    )
    expect(attempt.body.errors?.[0]?.message).toMatch(/Access denied.*role/s)
    const after = await gql(server.url, '{ authenticatedItem { role } }', { cookie })
    expect(after.body.data.authenticatedItem.role).toBe('reporter')
  })

  it('cannot publish-edit the seeded story or see other accounts', async () => {
    const { cookie } = await signIn('reporter@warta.test')
    const edit = await gql(
      server.url,
      `mutation { updateArticle(where: { slug: "${SEEDED}" }, data: { headline: "Diubah", version: 2 }) { id } }`,
      { cookie }
    )
    expect(edit.body.errors?.[0]?.message).toMatch(/Access denied/)
    const users = await gql(server.url, '{ usersCount }', { cookie })
    expect(users.body.data.usersCount).toBe(1)
  })
})

describe('rights follow the account as it is now, not as it was at sign-in', () => {
  it('a demoted editor loses editor rights on the next request', async () => {
    const editor = await signIn('editor@warta.test')
    const admin = await signIn('admin@warta.test')
    expect(
      (await gql(server.url, '{ usersCount }', { cookie: editor.cookie })).body.data.usersCount
    ).toBe(3)
    const id = await idOf(admin.cookie!, 'editor@warta.test')
    const demote = await gql(
      server.url,
      `mutation($id: ID!) { updateUser(where: { id: $id }, data: { role: "reporter" }) { role } }`,
      {
        cookie: admin.cookie,
        variables: { id },
      }
    )
    expect(demote.body.data.updateUser.role).toBe('reporter')
    expect(
      (await gql(server.url, '{ usersCount }', { cookie: editor.cookie })).body.data.usersCount
    ).toBe(1)
    await gql(
      server.url,
      `mutation($id: ID!) { updateUser(where: { id: $id }, data: { role: "editor" }) { role } }`,
      {
        cookie: admin.cookie,
        variables: { id },
      }
    )
  })

  it('a deactivated account is signed out at once and cannot sign in again', async () => {
    const reporter = await signIn('reporter@warta.test')
    const admin = await signIn('admin@warta.test')
    const id = await idOf(admin.cookie!, 'reporter@warta.test')
    await gql(
      server.url,
      `mutation($id: ID!) { updateUser(where: { id: $id }, data: { isActive: false }) { id } }`,
      {
        cookie: admin.cookie,
        variables: { id },
      }
    )
    const me = await gql(server.url, '{ authenticatedItem { id } }', { cookie: reporter.cookie })
    expect(me.body.data.authenticatedItem).toBeNull()
    const write = await gql(
      server.url,
      'mutation { createArticle(data: { headline: "Setelah nonaktif" }) { id } }',
      {
        cookie: reporter.cookie,
      }
    )
    // A deactivated account's session signs nobody in: refused before anything runs.
    expect(write.status).toBe(401)
    expect(write.body.errors?.[0]?.message).toMatch(/^Sign in first/)

    const again = await signIn('reporter@warta.test')
    const wrong = await gql(server.url, SIGN_IN, {
      variables: { email: 'reporter@warta.test', password: 'wrong-password' },
    })
    expect(again.cookie).toBeUndefined()
    expect(again.result.message).toBe(wrong.body.data.authenticateUserWithPassword.message)
  })
})
