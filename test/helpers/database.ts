// The database the suite runs on: SQLite files by default, PostgreSQL when DATABASE_URL is a
// postgres:// URL (`npm run test:pg`, CI). Every test file, server and script run gets a database
// of its own: a temp SQLite file, or a PostgreSQL database named after this run, created on first
// use (by `migrate deploy` or resetDatabase) and dropped by global-setup.ts at the end.
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { databaseProvider } from '../../src/db/url.mjs'

/** The DATABASE_URL the suite was started with (vitest.config.mts keeps it before tests change it). */
export const baseUrl = process.env.WARTA_TEST_BASE_URL || 'file:./data/warta.db'
export const provider = databaseProvider(baseUrl)
export const onPostgres = provider === 'postgresql'
/** Names the databases of one run, so that its teardown drops exactly those. */
export const runPrefix = () => `warta_test_${process.env.WARTA_TEST_RUN}_`

/** A URL for a database nobody else uses; `label` names the temp directory of a SQLite file. */
export function freshDatabaseUrl(label = 'db'): string {
  if (!onPostgres) {
    return `file:${path.join(mkdtempSync(path.join(os.tmpdir(), `warta-${label}-`)), 'warta.db')}`
  }
  const url = new URL(baseUrl)
  url.pathname = `/${runPrefix()}${randomBytes(6).toString('hex')}`
  return url.toString()
}

/** The name of a PostgreSQL URL's database. */
export const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1))

/**
 * Runs one SQL query on the database `url` names and returns its rows as objects, booleans as
 * 0/1 as SQLite has them. (Write `CAST(count(*) AS INTEGER)`: PostgreSQL's count is a bigint.)
 */
export async function queryRows(url: string, sql: string): Promise<Record<string, unknown>[]> {
  if (databaseProvider(url) === 'sqlite') {
    const db = new Database(url.replace(/^file:/, ''), { readonly: true })
    try {
      return db.prepare(sql).all() as Record<string, unknown>[]
    } finally {
      db.close()
    }
  }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(sql)
    return rows.map(row =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          typeof value === 'boolean' ? Number(value) : value,
        ])
      )
    )
  } finally {
    await client.end()
  }
}
