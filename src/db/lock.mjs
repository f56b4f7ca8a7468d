// @ts-check
// Several Warta instances may start at once on one PostgreSQL database (scaling out, a rolling
// deploy). Start-up work that must happen once (applying migrations, seeding an empty database)
// runs under a PostgreSQL advisory lock: one instance does it, the others wait for it and then
// find nothing left to do. A SQLite file is served by one instance, so there it just runs.
import { databaseProvider } from './url.mjs'

// `pg` is loaded on first use (about 0.1 s at start): a SQLite server never needs it.
const loadPg = async () => (await import('pg')).default

/** The two-key form, 'WART' and a task, so as not to meet Prisma's own (one-key) lock. */
const LOCK_CLASS = 0x57415254
export const LOCKS = { migrate: 1, seed: 2 }

/**
 * Runs `fn` holding the advisory lock `task` on the database `url` names (created first if it
 * does not exist yet, as `prisma migrate deploy` would). The lock is held by a connection of its
 * own, so `fn` may use any other connection; it is released if `fn` throws or the process dies.
 * @template T
 * @param {string} url
 * @param {number} task  one of LOCKS
 * @param {() => T | Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withAdvisoryLock(url, task, fn) {
  if (databaseProvider(url) !== 'postgresql') return fn()
  const client = await connectCreating(url)
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_CLASS, task])
    return await fn()
  } finally {
    // Ending the session releases the lock too; unlock first to hand it over at once.
    await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_CLASS, task]).catch(() => {})
    await client.end().catch(() => {})
  }
}

/** @param {string} url */
export const withMigrationLock = (url, /** @type {() => number} */ fn) =>
  withAdvisoryLock(url, LOCKS.migrate, fn)

/** @param {string} url */
async function connectCreating(url) {
  try {
    return await connected(url)
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code !== '3D000') throw error
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  const server = new URL(url)
  server.pathname = '/postgres'
  const admin = await connected(server.toString())
  try {
    const pg = await loadPg()
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
  } catch (error) {
    // 42P04: another instance created it first; 23505: it is creating it right now.
    const code = /** @type {{ code?: string }} */ (error).code
    if (code !== '42P04' && code !== '23505') throw error
  } finally {
    await admin.end().catch(() => {})
  }
  return connected(url)
}

/** @param {string} connectionString */
async function connected(connectionString) {
  const pg = await loadPg()
  const client = new pg.Client({ connectionString })
  try {
    await client.connect()
    return client
  } catch (error) {
    await client.end().catch(() => {})
    throw error
  }
}
