// Sessions end on the server: a saved cookie (or bearer token) stops working after sign-out, a
// password change, an admin's "end sessions" or deactivation, and stays dead after reactivation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type StartedServer } from '../helpers/server'
import { post, signedIn, whoIs } from '../helpers/sign-in'

// The seed's dev accounts take the dev password; accounts made through the API may not
// (src/accounts/dev-password.ts), so they get another.
const DEV_PASSWORD = 'sessions-test-password'
const PASSWORD = 'sessions-account-password'
let server: StartedServer
let admin: string

const as = (cookie: string, query: string, variables: Record<string, unknown> = {}) =>
  post(server.url, query, variables, { cookie })
const signIn = (email: string, password = PASSWORD) => signedIn(server.url, email, password)
const alive = async (cookie: string) => (await whoIs(server.url, cookie)) !== null

/** A fresh reporter account (so that tests do not share sessions), with its id. */
let n = 0
async function newReporter(password = PASSWORD) {
  const email = `sesi-${++n}@warta.test`
  const created = await as(
    admin,
    `mutation($data: UserCreateInput!) { createUser(data: $data) { id } }`,
    { data: { name: `Sesi ${n}`, email, password, role: 'reporter' } }
  )
  expect(created.body.errors).toBeUndefined()
  return { email, id: created.body.data.createUser.id as string }
}

const setPassword = (cookie: string, id: string, password: string) =>
  as(
    cookie,
    `mutation($id: ID!, $p: String) { updateUser(where: { id: $id }, data: { password: $p }) { id } }`,
    {
      id,
      p: password,
    }
  )

beforeAll(async () => {
  server = await startServer({ WARTA_DEV_PASSWORD: DEV_PASSWORD })
  admin = await signIn('admin@warta.test', DEV_PASSWORD)
}, 120_000)
afterAll(async () => server?.stop())

describe('sign-out', () => {
  it('ends that session on the server: the saved cookie no longer signs in', async () => {
    const { email } = await newReporter()
    const cookie = await signIn(email)
    expect(await alive(cookie)).toBe(true)
    const out = await as(cookie, 'mutation { endSession }')
    expect(out.body.data.endSession).toBe(true)
    expect(await alive(cookie)).toBe(false)
    const write = await as(
      cookie,
      'mutation { createArticle(data: { headline: "Sesudah keluar" }) { id } }'
    )
    // Signed out is anonymous: refused before anything runs.
    expect(write.status).toBe(401)
    expect(write.body.errors?.[0]?.message).toMatch(/^Sign in first/)
  })

  it('ends the session a bearer token carries too', async () => {
    const { email } = await newReporter()
    const answer = await post(
      server.url,
      `mutation($e: String!, $p: String!) { authenticateUserWithPassword(email: $e, password: $p) {
        ... on UserAuthenticationWithPasswordSuccess { sessionToken } } }`,
      { e: email, p: PASSWORD }
    )
    const bearer = {
      authorization: `Bearer ${answer.body.data.authenticateUserWithPassword.sessionToken}`,
    }
    const me = () => post(server.url, '{ authenticatedItem { id } }', {}, bearer)
    expect((await me()).body.data.authenticatedItem).not.toBeNull()
    await post(server.url, 'mutation { endSession }', {}, bearer)
    expect((await me()).body.data.authenticatedItem).toBeNull()
  })

  it('leaves the account’s other sessions alone', async () => {
    const { email } = await newReporter()
    const laptop = await signIn(email)
    const phone = await signIn(email)
    await as(laptop, 'mutation { endSession }')
    expect(await alive(laptop)).toBe(false)
    expect(await alive(phone)).toBe(true)
  })
})

describe('a password change', () => {
  it('by the owner ends their other sessions and keeps the current one', async () => {
    const { email, id } = await newReporter()
    const current = await signIn(email)
    const other = await signIn(email)
    // A change that is refused (too short), or of another field, ends nothing.
    expect((await setPassword(current, id, 'pendek')).body.errors?.[0]?.message).toMatch(/password/)
    await as(
      admin,
      `mutation($id: ID!) { updateUser(where: { id: $id }, data: { name: "Nama Baru" }) { id } }`,
      { id }
    )
    expect(await alive(other)).toBe(true)
    const changed = await setPassword(current, id, 'kopi-tubruk-di-meja-redaksi')
    expect(changed.body.errors).toBeUndefined()
    expect(await alive(current)).toBe(true)
    expect(await alive(other)).toBe(false)
    expect(await alive(await signIn(email, 'kopi-tubruk-di-meja-redaksi'))).toBe(true)
  })

  it('by an admin ends all the account’s sessions, and not the admin’s', async () => {
    const { email, id } = await newReporter()
    const first = await signIn(email)
    const second = await signIn(email)
    const changed = await setPassword(admin, id, 'sambal-matah-dan-nasi-uduk')
    expect(changed.body.errors).toBeUndefined()
    expect(await alive(first)).toBe(false)
    expect(await alive(second)).toBe(false)
    expect(await alive(admin)).toBe(true)
  })
})

describe('an admin', () => {
  it('can end all sessions of an account', async () => {
    const { email, id } = await newReporter()
    const a = await signIn(email)
    const b = await signIn(email)
    const ended = await as(
      admin,
      `mutation($id: ID!) { endSessionsUser(where: { id: $id }) { id } }`,
      { id }
    )
    expect(ended.body.errors).toBeUndefined()
    expect(ended.body.data.endSessionsUser.id).toBe(id)
    expect(await alive(a)).toBe(false)
    expect(await alive(b)).toBe(false)
    // Signing in again works: the account is not locked, only its sessions ended.
    expect(await alive(await signIn(email))).toBe(true)
    // The session records themselves are not reachable through the API.
    for (const query of ['{ authSessions { id } }', '{ signInThrottles { key } }']) {
      expect((await as(admin, query)).body.errors?.[0]?.message).toMatch(/Cannot query field/)
    }
  })

  it('is the only one who can: an editor or the reporter is refused, and nothing ends', async () => {
    const { email, id } = await newReporter()
    const own = await signIn(email)
    const editor = await signIn('editor@warta.test', DEV_PASSWORD)
    for (const cookie of [editor, own]) {
      const attempt = await as(
        cookie,
        `mutation($id: ID!) { endSessionsUser(where: { id: $id }) { id } }`,
        { id }
      )
      expect(attempt.body.errors?.[0]?.message).toMatch(/Access denied|may not/)
    }
    const anonymous = await post(
      server.url,
      `mutation($id: ID!) { endSessionsUser(where: { id: $id }) { id } }`,
      { id }
    )
    expect(anonymous.body.errors?.[0]?.message).toBeTruthy()
    expect(await alive(own)).toBe(true)
  })
})

describe('deactivation', () => {
  it('ends the sessions for good: reactivating the account does not revive old cookies', async () => {
    const { email, id } = await newReporter()
    const cookie = await signIn(email)
    const active = (isActive: boolean) =>
      as(
        admin,
        `mutation($id: ID!, $a: Boolean) { updateUser(where: { id: $id }, data: { isActive: $a }) { id } }`,
        {
          id,
          a: isActive,
        }
      )
    expect((await active(false)).body.errors).toBeUndefined()
    expect(await alive(cookie)).toBe(false)
    expect((await active(true)).body.errors).toBeUndefined()
    expect(await alive(cookie)).toBe(false)
    expect(await alive(await signIn(email))).toBe(true)
  })
})
