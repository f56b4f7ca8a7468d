// The Content API's own read connection: prepared statements straight on the driver, without
// Prisma. Prisma's $queryRaw prepares a new statement for every call (about 0.44 ms for a story
// read that better-sqlite3 answers in 0.05–0.2 ms: docs/performance.md). The statement texts stay
// in ./store.ts as Prisma SQL fragments; this runs a fragment's text with its values.
//
// Consistency with publishes: every read is one statement outside any transaction, so it sees
// every transaction committed before it began (SQLite WAL: the latest snapshot; PostgreSQL:
// READ COMMITTED). A publish commits before its HTTP answer, so a reader after it sees it.
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import type { Pool } from 'pg'
import { databaseProvider, databaseUrl, sqliteFilePath } from '../db/url.mjs'
import { sqlCountOptions } from '../db/sql-count'
import { sql, type Fragment, type Row, type Sql } from './sql'

/** What a reader of the store needs: this module's direct connection, or Prisma's client. */
export type Reads = Pick<Sql, '$queryRaw'>
/** What ./store.ts needs of a database (reads only), and a way to let go of the connection. */
export type Reader = Reads & { close(): Promise<void> }

// Distinct statement texts kept prepared. The store's texts vary only with the number of ids
// or profiles in one read, so a few dozen cover every query; past this the oldest goes.
const PREPARED_MAX = 256

// Resolved from the project root, as keystone.ts does: it works in Keystone's CommonJS build.
const load = <T>(name: string) => createRequire(path.join(process.cwd(), 'package.json'))(name) as T

/** A fragment from either calling form: the tagged template or one prepared Fragment. */
function fragmentOf(query: TemplateStringsArray | Fragment, values: unknown[]): Fragment {
  return 'raw' in query && Array.isArray(query) ? sql(query, ...values) : (query as Fragment)
}

/** A bounded map of prepared statements by text: least recently used goes first. */
function preparedCache<S>(prepare: (text: string) => S) {
  const cache = new Map<string, S>()
  return (text: string): S => {
    let statement = cache.get(text)
    if (statement) cache.delete(text)
    else statement = prepare(text)
    cache.set(text, statement)
    if (cache.size > PREPARED_MAX) cache.delete(cache.keys().next().value!)
    return statement
  }
}

/**
 * A read-only better-sqlite3 connection on the SQLite file of `url`. The file must exist
 * (migrated: `npm start` migrates first). Busy: waits up to 5 s for a checkpoint or a writer
 * that holds the lock in rollback-journal mode (WAL readers never wait for writers).
 */
function sqliteReader(url: string): Reader {
  const file = sqliteFilePath(url)
  if (!file) throw new Error('The Content API needs a SQLite file, not an in-memory database')
  const Database = load<typeof BetterSqlite3>('better-sqlite3')
  const db = new Database(file, { readonly: true, fileMustExist: true, ...sqlCountOptions() })
  db.pragma('busy_timeout = 5000')
  const statement = preparedCache(text => db.prepare(text))
  return {
    async $queryRaw<T>(query: TemplateStringsArray | Fragment, ...values: unknown[]) {
      const fragment = fragmentOf(query, values)
      return statement(fragment.sql).all(...(fragment.values as unknown[])) as T
    },
    async close() {
      db.close()
    },
  }
}

/**
 * A small `pg` pool on `url`, with each statement text prepared once per connection (a named
 * statement: the name is a digest of the text).
 */
function postgresReader(url: string): Reader {
  const { Pool: PgPool } = load<{ Pool: typeof Pool }>('pg')
  const { types } = load<{ types: typeof import('pg').types }>('pg')
  const pool = new PgPool({
    connectionString: url,
    max: 4,
    idleTimeoutMillis: 30_000,
    // `timestamp` columns hold UTC (as Prisma writes them); pg would read them as local time.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === types.builtins.TIMESTAMP && format !== 'binary'
          ? (v: string) => new Date(`${v.replace(' ', 'T')}Z`)
          : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
    },
  })
  // An idle connection's error (the server restarted) must not end the process: the pool
  // replaces the connection at the next read.
  pool.on('error', error => console.error(`Content API: ${error.message}`))
  const nameOf = preparedCache(
    text => `warta_content_${createHash('sha1').update(text).digest('base64url')}`
  )
  return {
    async $queryRaw<T>(query: TemplateStringsArray | Fragment, ...values: unknown[]) {
      const fragment = fragmentOf(query, values)
      const result = await pool.query<Row>({
        name: nameOf(fragment.text),
        text: fragment.text,
        values: fragment.values as unknown[],
      })
      return result.rows as T
    },
    close: () => pool.end(),
  }
}

/** The reader for DATABASE_URL's provider (or `url`'s). Errors: the SQLite file is missing. */
export function contentReader(url = databaseUrl()): Reader {
  return databaseProvider(url) === 'postgresql' ? postgresReader(url) : sqliteReader(url)
}
