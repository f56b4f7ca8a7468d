// Sign-in cannot be guessed at speed: per-account locks that grow, a per-address budget, one
// authentication per request, the same refusal for unknown accounts, and a client address taken
// from X-Forwarded-For only when the proxy is trusted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../helpers/database'
import { startServer, type StartedServer } from '../helpers/server'
import { attempt, post, type Answer } from '../helpers/sign-in'

// The seed's dev accounts take the dev password; accounts made through the API may not
// (src/accounts/dev-password.ts), so they get another.
const DEV_PASSWORD = 'throttle-test-password'
const PASSWORD = 'throttle-account-password'
const ACCOUNT_FAILURES = 3
const ADDRESS_FAILURES = 12
const LOCK_SECONDS = 3
const limits = {
  WARTA_DEV_PASSWORD: DEV_PASSWORD,
  SIGN_IN_ACCOUNT_FAILURES: String(ACCOUNT_FAILURES),
  SIGN_IN_LOCK_MINUTES: String(LOCK_SECONDS / 60),
  SIGN_IN_ADDRESS_FAILURES: String(ADDRESS_FAILURES),
}

// Behind a trusted proxy (loopback), each test signs in from an address of its own.
let proxied: StartedServer
let direct: StartedServer
let n = 0
const from = () => ({ 'x-forwarded-for': `203.0.113.${++n}` })

const result = (answer: Answer) => answer.body.data?.authenticateUserWithPassword
const failed = (answer: Answer) => typeof result(answer)?.message === 'string'
const throttled = (answer: Answer) => answer.body.errors?.[0]?.message ?? ''
const TOO_MANY = /^Too many sign-in attempts; try again in \d+ minutes?$/

/** A fresh account (so that tests do not share counters), created by the admin. */
async function newAccount(server: StartedServer) {
  const admin = (await attempt(server.url, 'admin@warta.test', DEV_PASSWORD, from())).cookie!
  const email = `batas-${++n}@warta.test`
  const created = await post(
    server.url,
    `mutation($data: UserCreateInput!) { createUser(data: $data) { id } }`,
    { data: { name: 'Batas', email, password: PASSWORD, role: 'reporter' } },
    { cookie: admin }
  )
  expect(created.body.errors).toBeUndefined()
  return email
}

beforeAll(async () => {
  ;[proxied, direct] = await Promise.all([
    startServer({ ...limits, TRUST_PROXY: 'loopback' }),
    startServer(limits),
  ])
}, 120_000)
afterAll(async () => Promise.all([proxied?.stop(), direct?.stop()]))

describe('per account', () => {
  it('locks after consecutive failures: even the right password is refused, with 429', async () => {
    const email = await newAccount(proxied)
    for (let i = 0; i < ACCOUNT_FAILURES; i++) {
      expect(failed(await attempt(proxied.url, email, 'salah-sandi', from()))).toBe(true)
    }
    const right = await attempt(proxied.url, email, PASSWORD, from())
    expect(right.status).toBe(429)
    expect(throttled(right)).toMatch(TOO_MANY)
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(right.body.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' })
    expect(right.body.errors?.[0]?.extensions).not.toHaveProperty('http')
    expect(right.cookie).toBeUndefined()
    // The counters hold no e-mail address (nor whatever was typed in its place).
    const keys = await queryRows(proxied.databaseUrl, 'SELECT "key" FROM "SignInThrottle"')
    expect(keys.length).toBeGreaterThan(0)
    expect(keys.filter(row => String(row.key).includes('@'))).toEqual([])
  })

  it('answers 200 with the refusal when the sign-in shares its request with other fields', async () => {
    const email = await newAccount(proxied)
    for (let i = 0; i < ACCOUNT_FAILURES; i++)
      await attempt(proxied.url, email, 'salah-sandi', from())
    const shared = await post(
      proxied.url,
      `mutation($e: String!, $p: String!) { endSession
        authenticateUserWithPassword(email: $e, password: $p) { __typename } }`,
      { e: email, p: PASSWORD },
      from()
    )
    expect(shared.status).toBe(200)
    expect(shared.body.data.authenticateUserWithPassword).toBeNull()
    expect(throttled(shared)).toMatch(TOO_MANY)
  })

  it('gives an unknown account exactly the same answers', async () => {
    const email = await newAccount(proxied)
    const answers = async (who: string) => {
      const out: unknown[] = []
      for (let i = 0; i <= ACCOUNT_FAILURES; i++) {
        const a = await attempt(proxied.url, who, 'salah-sandi', from())
        out.push({ status: a.status, data: a.body.data, message: a.body.errors?.[0]?.message })
      }
      return out
    }
    const known = await answers(email)
    expect(known.at(-1)).toMatchObject({ status: 429, message: expect.stringMatching(TOO_MANY) })
    expect(await answers(`tidak-ada-${n}@warta.test`)).toEqual(known)
  })

  it('is reset by a successful sign-in', async () => {
    const email = await newAccount(proxied)
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < ACCOUNT_FAILURES - 1; i++) {
        expect(failed(await attempt(proxied.url, email, 'salah-sandi', from()))).toBe(true)
      }
      expect((await attempt(proxied.url, email, PASSWORD, from())).cookie).toBeTruthy()
    }
    // …and only by a success: the full run of failures still locks.
    for (let i = 0; i < ACCOUNT_FAILURES; i++)
      await attempt(proxied.url, email, 'salah-sandi', from())
    expect((await attempt(proxied.url, email, PASSWORD, from())).status).toBe(429)
  })

  it('counts the address whatever its spelling (case, spaces)', async () => {
    const email = await newAccount(proxied)
    const spellings = [email.toUpperCase(), ` ${email} `, email.replace('batas', 'Batas')]
    for (const spelling of spellings) {
      expect(failed(await attempt(proxied.url, spelling, 'salah-sandi', from()))).toBe(true)
    }
    expect((await attempt(proxied.url, email, PASSWORD, from())).status).toBe(429)
  })

  it('evaluates no more than the limit of guesses sent at once', async () => {
    const email = await newAccount(proxied)
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => attempt(proxied.url, email, 'salah-sandi', from()))
    )
    expect(answers.filter(failed).length).toBeLessThanOrEqual(ACCOUNT_FAILURES)
    expect(answers.filter(a => a.status === 429).length).toBeGreaterThanOrEqual(
      12 - ACCOUNT_FAILURES
    )
  })

  it('lifts the lock when it expires, and the next lock is longer', async () => {
    const email = await newAccount(proxied)
    const lock = async () => {
      for (let i = 0; i < ACCOUNT_FAILURES; i++)
        await attempt(proxied.url, email, 'salah-sandi', from())
      const refused = await attempt(proxied.url, email, PASSWORD, from())
      expect(refused.status).toBe(429)
      return Number(refused.headers.get('retry-after'))
    }
    const first = await lock()
    expect(first).toBeLessThanOrEqual(LOCK_SECONDS)
    await new Promise(resolve => setTimeout(resolve, first * 1000 + 300))
    const second = await lock()
    expect(second).toBeGreaterThan(LOCK_SECONDS)
    await new Promise(resolve => setTimeout(resolve, second * 1000 + 300))
    expect((await attempt(proxied.url, email, PASSWORD, from())).cookie).toBeTruthy()
  }, 30_000)
})

describe('per client address', () => {
  it('refuses an address after its budget of failures, across accounts', async () => {
    const address = from()
    for (let i = 0; i < ADDRESS_FAILURES; i++) {
      const answer = await attempt(proxied.url, `acak-${n}-${i}@warta.test`, 'salah-sandi', address)
      expect(failed(answer)).toBe(true)
    }
    const refused = await attempt(proxied.url, 'editor@warta.test', DEV_PASSWORD, address)
    expect(refused.status).toBe(429)
    expect(throttled(refused)).toMatch(TOO_MANY)
    // Another address, and the account itself, are unaffected.
    expect(
      (await attempt(proxied.url, 'editor@warta.test', DEV_PASSWORD, from())).cookie
    ).toBeTruthy()
  })

  it('counts an IPv6 client by its /64 network', async () => {
    const network = `2001:db8:${(++n).toString(16)}:1`
    for (let i = 0; i < ADDRESS_FAILURES; i++) {
      const address = { 'x-forwarded-for': `${network}::${(i + 1).toString(16)}` }
      await attempt(proxied.url, `v6-${n}-${i}@warta.test`, 'salah-sandi', address)
    }
    const sameNetwork = { 'x-forwarded-for': `${network}:ffff:ffff:ffff:ffff` }
    expect(
      (await attempt(proxied.url, 'editor@warta.test', DEV_PASSWORD, sameNetwork)).status
    ).toBe(429)
    const otherNetwork = { 'x-forwarded-for': `${network.replace(/:1$/, ':2')}::1` }
    expect(
      (await attempt(proxied.url, 'editor@warta.test', DEV_PASSWORD, otherNetwork)).cookie
    ).toBeTruthy()
  })

  it('is the socket’s when no proxy is trusted: a forged X-Forwarded-For changes nothing', async () => {
    for (let i = 0; i < ADDRESS_FAILURES; i++) {
      await attempt(direct.url, `palsu-${i}@warta.test`, 'salah-sandi', from())
    }
    const forged = await attempt(direct.url, 'editor@warta.test', DEV_PASSWORD, from())
    expect(forged.status).toBe(429)
    expect(throttled(forged)).toMatch(TOO_MANY)
  })
})

describe('one authentication per request', () => {
  const aliases = (count: number) =>
    `mutation($e: String!, $p: String!) { ${Array.from(
      { length: count },
      (_, i) => `a${i}: authenticateUserWithPassword(email: $e, password: $p) { __typename }`
    ).join(' ')} }`

  it('refuses 20 aliased sign-ins before evaluating any of them', async () => {
    const email = await newAccount(proxied)
    const many = await post(proxied.url, aliases(20), { e: email, p: 'salah-sandi' }, from())
    expect(many.status).toBe(400)
    // The alias budget (src/graphql/budgets.ts) may refuse it first: also before any evaluation.
    expect(many.body.errors?.[0]?.message).toMatch(/sign in once|aliases/)
    expect(many.body.data).toBeUndefined()
    // None was counted as a failure: the account has its whole budget left.
    for (let i = 0; i < ACCOUNT_FAILURES - 1; i++)
      await attempt(proxied.url, email, 'salah-sandi', from())
    expect((await attempt(proxied.url, email, PASSWORD, from())).cookie).toBeTruthy()
  })

  it('refuses two, also through fragments, and even with the right password', async () => {
    const email = await newAccount(proxied)
    const viaFragment = `mutation($e: String!, $p: String!) {
      authenticateUserWithPassword(email: $e, password: $p) { __typename }
      ...Again
    }
    fragment Again on Mutation { again: authenticateUserWithPassword(email: $e, password: $p) { __typename } }`
    for (const query of [aliases(2), viaFragment]) {
      const answer = await post(proxied.url, query, { e: email, p: PASSWORD }, from())
      expect(answer.status).toBe(400)
      expect(answer.cookie).toBeUndefined()
    }
    // One sign-in in a request still works.
    const one = await post(proxied.url, aliases(1), { e: email, p: PASSWORD }, from())
    expect(one.status).toBe(200)
    expect(one.cookie).toBeTruthy()
  })
})

describe('e-mail case', () => {
  it('signs in whatever the case and spacing of the address', async () => {
    for (const spelling of ['EDITOR@warta.test', 'Editor@Warta.Test', '  editor@warta.test ']) {
      const answer = await attempt(proxied.url, spelling, DEV_PASSWORD, from())
      expect(answer.cookie, spelling).toBeTruthy()
    }
  })

  it('signs in as the one account whatever the width of its letters', async () => {
    for (const spelling of ['ｅditor@warta.test', 'ＥＤＩＴＯＲ＠ｗａｒｔａ．ｔｅｓｔ']) {
      const answer = await attempt(proxied.url, spelling, DEV_PASSWORD, from())
      expect(answer.cookie, spelling).toBeTruthy()
    }
  })

  it('refuses look-alike spellings with the ordinary failure', async () => {
    const email = await newAccount(proxied)
    const spellings = [`${email}\u200b`, `\u202e${email}`, email.replace('a', 'a\u0301')]
    for (const spelling of spellings) {
      const answer = await attempt(proxied.url, spelling, PASSWORD, from())
      expect(answer.status, JSON.stringify(spelling)).toBe(200)
      expect(answer.cookie).toBeUndefined()
      expect(result(answer)?.message).toBe('Authentication failed.')
    }
    expect((await attempt(proxied.url, email, PASSWORD, from())).cookie).toBeTruthy()
  })
})

describe('the dev password', () => {
  it('signs the seed’s dev accounts in, but no account made through the API may take it', async () => {
    const admin = (await attempt(proxied.url, 'admin@warta.test', DEV_PASSWORD, from())).cookie!
    expect(admin).toBeTruthy()
    for (const password of [DEV_PASSWORD, 'warta-dev-password']) {
      const created = await post(
        proxied.url,
        `mutation($data: UserCreateInput!) { createUser(data: $data) { id } }`,
        { data: { name: 'Dev', email: `dev-${++n}@warta.test`, password, role: 'reporter' } },
        { cookie: admin }
      )
      expect(created.status).toBe(200)
      expect(created.body.errors?.[0]?.message).toMatch(/published development password/)
    }
  })
})

describe('TRUST_PROXY', () => {
  it('that Express cannot read stops the start with a clear message', async () => {
    const error = await startServer({ TRUST_PROXY: 'not-an-address' }).then(
      server => server.stop().then(() => ''),
      (failure: Error) => failure.message
    )
    expect(error).toMatch(/TRUST_PROXY "not-an-address" is not usable/)
  })
})
