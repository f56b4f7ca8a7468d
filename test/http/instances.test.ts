// Scaling out: two Warta server processes on one PostgreSQL database, started together, as behind
// a load balancer. PostgreSQL only (a SQLite file is served by one instance): it runs in
// `npm run test:pg` and CI's PostgreSQL pass, and is reported as skipped on SQLite.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers/paths'
import { freshDatabaseUrl, onPostgres, queryRows } from '../helpers/database'
import { gql, migrateDatabase, startServer, type StartedServer } from '../helpers/server'

const PASSWORD = 'http-instances-password'
// Sessions are signed cookies: every instance must have the same secret.
const SESSION_SECRET = 'instances-test-shared-session-secret-0123456789'

describe.skipIf(!onPostgres)('two instances on one PostgreSQL database (test:pg only)', () => {
  const databaseUrl = freshDatabaseUrl()
  let a: StartedServer
  let b: StartedServer
  beforeAll(async () => {
    const env = { DATABASE_URL: databaseUrl, WARTA_DEV_PASSWORD: PASSWORD, SESSION_SECRET }
    // Migrated first, so that both find it empty at the same moment (instances migrating at
    // once are tested in test/db/engine-postgresql.test.ts).
    await migrateDatabase(env)
    const start = () => startServer(env, { migrate: false })
    ;[a, b] = await Promise.all([start(), start()])
  }, 180_000)
  afterAll(async () => Promise.all([a?.stop(), b?.stop()]))

  const count = async (table: string) =>
    (await queryRows(databaseUrl, `SELECT CAST(count(*) AS INTEGER) AS n FROM "${table}"`))[0]!.n

  const signIn = async (server: StartedServer, email: string) => {
    const { setCookie } = await gql(
      server.url,
      `mutation($e: String!, $p: String!) { authenticateUserWithPassword(email: $e, password: $p) { __typename } }`,
      { variables: { e: email, p: PASSWORD } }
    )
    return setCookie!.split(';')[0]!
  }

  it('started together on an empty database, they seed the story and the accounts once', async () => {
    const seeded = [a, b].filter(server => server.output().includes('Seeded the ANTARA story'))
    expect(seeded).toHaveLength(1)
    expect(await count('Article')).toBe(1)
    expect(await count('User')).toBe(3)
    expect(await count('Person')).toBe(4)
    const migrations = await queryRows(databaseUrl, 'SELECT migration_name FROM _prisma_migrations')
    // Every committed migration applied once, by one of the two.
    const committed = readdirSync(path.join(repoRoot, 'migrations/postgresql'), {
      withFileTypes: true,
    }).filter(entry => entry.isDirectory())
    expect(migrations).toHaveLength(committed.length)
  })

  it('a session started on one instance is valid on the other', async () => {
    const cookie = await signIn(a, 'editor@warta.test')
    const query = '{ authenticatedItem { ... on User { email role } } }'
    const onB = await gql(b.url, query, { cookie })
    expect(onB.body.data.authenticatedItem).toEqual({ email: 'editor@warta.test', role: 'editor' })
    expect((await gql(b.url, query)).body.data.authenticatedItem).toBeNull()
  })

  it("each sees the other's writes at once", async () => {
    const cookie = await signIn(b, 'editor@warta.test')
    const created = await gql(
      b.url,
      `mutation { createArticle(data: { headline: "Banjir di Demak",
        body: [{ type: "paragraph", children: [{ text: "Air setinggi dua meter." }] }] }) { id } }`,
      { cookie }
    )
    expect(created.body.errors).toBeUndefined()
    const id = created.body.data.createArticle.id
    const onA = await gql(a.url, `query($id: ID!) { article(where: { id: $id }) { headline } }`, {
      cookie,
      variables: { id },
    })
    expect(onA.body.data.article).toEqual({ headline: 'Banjir di Demak' })

    const updated = await gql(
      a.url,
      `mutation($id: ID!) { updateArticle(where: { id: $id }, data: { summary: "Ringkas", version: 1 }) { version } }`,
      { cookie, variables: { id } }
    )
    expect(updated.body.data.updateArticle).toEqual({ version: 2 })
    const onB = await gql(b.url, `query($id: ID!) { article(where: { id: $id }) { summary } }`, {
      cookie,
      variables: { id },
    })
    expect(onB.body.data.article).toEqual({ summary: 'Ringkas' })
  })

  it('the same story published through both at once: exactly one transition', async () => {
    // A reporter's story is bylined to them; editors publish.
    const reporter = await signIn(a, 'reporter@warta.test')
    const cookie = await signIn(b, 'editor@warta.test')
    const created = await gql(
      a.url,
      `mutation { createArticle(data: { headline: "Pemilu 2029",
        body: [{ type: "paragraph", children: [{ text: "KPU menetapkan jadwal." }] }] }) { id } }`,
      { cookie: reporter }
    )
    const id = created.body.data.createArticle.id
    const publish = (server: StartedServer) =>
      gql(
        server.url,
        `mutation($id: ID!) { publishArticle(where: { id: $id }, version: 1) { status version } }`,
        { cookie, variables: { id } }
      )
    const results = await Promise.all([publish(a), publish(b)])
    const won = results.filter(r => r.body.data?.publishArticle)
    const lost = results.filter(r => r.body.errors)
    const bodies = JSON.stringify(results.map(r => r.body))
    expect(
      won.map(r => r.body.data.publishArticle),
      bodies
    ).toEqual([{ status: 'published', version: 2 }])
    expect(lost).toHaveLength(1)
    expect(lost[0]!.status).toBe(200)
    expect(lost[0]!.body.errors![0]!.message).toMatch(/Nothing was saved/)
    const events = await queryRows(
      databaseUrl,
      `SELECT action FROM "ArticleEvent" WHERE article = '${id}'`
    )
    expect(events).toEqual([{ action: 'publish' }])
  })

  it('a sign-out on one instance ends the session on the other', async () => {
    const cookie = await signIn(a, 'reporter@warta.test')
    const me = '{ authenticatedItem { id } }'
    expect((await gql(b.url, me, { cookie })).body.data.authenticatedItem).not.toBeNull()
    await gql(a.url, 'mutation { endSession }', { cookie })
    expect((await gql(b.url, me, { cookie })).body.data.authenticatedItem).toBeNull()
  })

  it('sign-in failures on one instance lock the account on the other', async () => {
    const attempt = (server: StartedServer, p: string) =>
      gql(
        server.url,
        `mutation($e: String!, $p: String!) { authenticateUserWithPassword(email: $e, password: $p) { __typename } }`,
        { variables: { e: 'reporter@warta.test', p } }
      )
    // The default: 5 consecutive failures lock the account.
    for (let i = 0; i < 5; i++) await attempt(i % 2 ? a : b, 'salah-sandi')
    const right = await attempt(b, PASSWORD)
    expect(right.status).toBe(429)
    expect(right.body.errors?.[0]?.message).toMatch(/Too many sign-in attempts/)
  })
})
