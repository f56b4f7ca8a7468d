// The benchmark's SQL statement counter (src/db/sql-count.ts), switched on as `npm run bench`
// does; server.test.ts checks that it is absent by default. SQLite only: it counts through
// better-sqlite3's callback, and the benchmark runs on SQLite; skipped in the PostgreSQL pass.
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isLoopback } from '../../src/db/sql-count'
import { sqliteFilePath } from '../../src/db/url.mjs'
import { onPostgres } from '../helpers/database'
import { content, startServer, type StartedServer } from '../helpers/server'

// One published story written straight into the migrated file: the server then skips the
// first-start seed, which this test does not need.
function oneStory(databaseUrl: string) {
  const db = new Database(sqliteFilePath(databaseUrl)!)
  db.prepare(
    `INSERT INTO Article (id, headline, slug, body, status, publishedAt)
     VALUES ('story1', 'A story', 'a-story', '[]', 'published', '2026-01-01T00:00:00.000+00:00')`
  ).run()
  db.close()
}

describe.skipIf(onPostgres)('the SQL statement counter (SQLite only)', () => {
  let server: StartedServer
  beforeAll(async () => {
    server = await startServer({ WARTA_SQL_COUNT: '1' }, { beforeStart: oneStory })
  }, 120_000)
  afterAll(async () => server?.stop())

  type Counter = { total: number; recent: string[] }
  const read = async () => (await (await fetch(`${server.url}/__warta/sql`)).json()) as Counter

  it('counts the statements of one request and lists them', async () => {
    const before = await read()
    // Written around the workflow, the story is not in the published store: readers see none.
    const { body } = await content(server.url, '{ stories(first: 1) { nodes { slug } } }')
    expect(body.data.stories.nodes).toEqual([])
    const after = await read()
    expect(after.total - before.total).toBe(after.recent.length)
    expect(after.recent.length).toBeGreaterThan(0)
    expect(after.recent.some(sql => /ContentStory/.test(sql))).toBe(true)
    // Read-outs run no SQL themselves and start a fresh list.
    expect((await read()).recent).toEqual([])
  })
})

it('answers only this machine: the statements carry their values', () => {
  expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true])
  expect(['10.0.0.5', '::ffff:192.168.1.2', '2001:db8::1', undefined].map(isLoopback)).toEqual([
    false,
    false,
    false,
    false,
  ])
})
