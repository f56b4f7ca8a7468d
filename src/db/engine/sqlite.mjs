// @ts-check
// SQLite for the stand-in engine, through the same driver adapter the Warta runtime uses
// (@prisma/adapter-better-sqlite3), with the fixes the wasm schema engine needs on top of it.
/** @import { SqlDriverAdapter, SqlQuery } from '@prisma/driver-adapter-utils' */
/** @import { Connector, Datasource, ScriptFailure } from './providers.mjs' */
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { DriverAdapterError } from '@prisma/driver-adapter-utils'
import Database from 'better-sqlite3'
import { sqliteFilePath } from '../url.mjs'
import { EngineError } from './log.mjs'

/** `cli can-connect-to-database`: a missing file is P1003, which makes the CLI create it. */
export async function canConnect(/** @type {string} */ url) {
  const file = sqliteFilePath(url)
  if (file === null || existsSync(file)) return
  const name = path.basename(file)
  throw new EngineError('P1003', `Database \`${name}\` does not exist at \`${file}\`.`, {
    database_file_name: name,
    database_file_path: file,
  })
}

/** `cli create-database`: creates the file and its directory (data/ in a fresh checkout). */
export async function createDatabase(/** @type {string} */ url) {
  const file = sqliteFilePath(url)
  if (file === null) return ':memory:'
  mkdirSync(path.dirname(file), { recursive: true })
  new Database(file).close()
  return path.basename(file)
}

/**
 * The adapter factory handed to the wasm engine, plus a `reset` replacing the engine's own.
 * @param {Datasource} datasource
 * @returns {Connector}
 */
export function connect({ url, shadowDatabaseUrl }) {
  // Absolute paths, resolved against the cwd as the runtime adapter resolves them.
  const file = sqliteFilePath(url)
  const shadowFile = shadowDatabaseUrl && sqliteFilePath(shadowDatabaseUrl)
  const adapters = new PrismaBetterSqlite3(
    { url: file ?? ':memory:' },
    shadowDatabaseUrl ? { shadowDatabaseUrl: shadowFile ?? ':memory:' } : {}
  )
  /** @type {ScriptFailure | undefined} */
  let lastFailure
  const onScriptFailure = (/** @type {ScriptFailure} */ failure) => void (lastFailure = failure)
  /** @type {LazyAdapter[]} */
  const opened = []
  const open = (/** @type {() => Promise<SqlDriverAdapter>} */ connect) => {
    const adapter = lazyAdapter(adapters.adapterName, onScriptFailure, connect)
    opened.push(adapter)
    return adapter
  }
  /** @type {LazyAdapter | undefined} */
  let main
  const openMain = () =>
    (main = open(() => {
      if (file) mkdirSync(path.dirname(file), { recursive: true })
      return adapters.connect()
    }))

  return {
    factory: {
      provider: 'sqlite',
      adapterName: adapters.adapterName,
      connect: async () => openMain(),
      connectToShadowDb: async () => open(() => adapters.connectToShadowDb()),
    },
    // The wasm engine's reset only deletes the rows of every table (the notes blame
    // better-sqlite3's defensive mode), so `migrate reset` then fails re-applying the first
    // migration: "table already exists". Drop every table and view instead, on the engine's
    // connection if it has one.
    async reset() {
      const db = await (main ?? openMain()).open()
      const { rows } = await db.queryRaw(
        sql(`SELECT type, name FROM sqlite_master
             WHERE type IN ('view', 'table') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
             ORDER BY type = 'table'`)
      )
      const drops = rows.map(([type, name]) => `DROP ${type} IF EXISTS ${quote(String(name))};`)
      // foreign_keys can only be switched outside a transaction, and VACUUM must run outside one.
      await db.executeScript(
        `PRAGMA foreign_keys = OFF; ${drops.join(' ')} PRAGMA foreign_keys = ON; VACUUM;`
      )
    },
    takeScriptFailure() {
      const failure = lastFailure
      lastFailure = undefined
      return failure
    },
    async close() {
      await Promise.all(opened.map(adapter => adapter.dispose()))
    },
  }
}

/** @typedef {SqlDriverAdapter & { open(): Promise<SqlDriverAdapter> }} LazyAdapter */

/**
 * A connection opened on first use: the engine connects as soon as it starts, and
 * `migrate diff` (which needs only the in-memory shadow database) should not create data/warta.db.
 * Fixes on top of the better-sqlite3 adapter:
 * - executeRaw: the engine sends whole migration scripts through it when it replays migrations
 *   into the shadow database, and better-sqlite3 refuses multi-statement SQL in a prepared
 *   statement ("contains more than one statement"), so such SQL goes to executeScript instead;
 * - executeScript: runs the script atomically (inside a savepoint), so that a migration failing
 *   on its second statement leaves nothing of its first behind. A script can therefore not
 *   contain its own BEGIN/COMMIT or a VACUUM;
 * - errors that are not already adapter errors keep their message (the adapter utilities would
 *   otherwise turn them into an anonymous "External error id#0").
 * @param {string} adapterName
 * @param {(failure: ScriptFailure) => void} onScriptFailure
 * @param {() => Promise<SqlDriverAdapter>} connect
 * @returns {LazyAdapter}
 */
function lazyAdapter(adapterName, onScriptFailure, connect) {
  /** @type {Promise<SqlDriverAdapter> | undefined} */
  let connection
  const open = () => (connection ??= connect())
  const run = async (/** @type {(db: SqlDriverAdapter) => Promise<any>} */ task) => {
    try {
      return await task(await open())
    } catch (error) {
      throw asAdapterError(error)
    }
  }
  // Prisma rebuilds a table to alter it (copy, DROP, rename) and wraps that in
  // `PRAGMA foreign_keys=OFF`, which SQLite ignores inside a transaction. With foreign keys on,
  // the DROP would delete the old rows first and fire ON DELETE SET NULL / CASCADE on every table
  // that references it. So foreign keys go off before the savepoint, the script's result is
  // checked with foreign_key_check before it is kept, and they come back on afterwards.
  const atomically = async (/** @type {SqlDriverAdapter} */ db, /** @type {string} */ script) => {
    const { rows } = await db.queryRaw(sql('PRAGMA foreign_keys'))
    const foreignKeys = Number(rows[0]?.[0]) === 1
    if (foreignKeys) await db.executeScript('PRAGMA foreign_keys = OFF')
    try {
      await db.executeScript('SAVEPOINT warta_script')
      try {
        await db.executeScript(script)
        const broken = (await db.queryRaw(sql('PRAGMA foreign_key_check'))).rows
        if (broken.length > 0) {
          const tables = [...new Set(broken.map(row => String(row[0])))].join(', ')
          throw new Error(
            `the script leaves ${broken.length} row(s) with a broken foreign key (in ${tables})`
          )
        }
      } catch (error) {
        await db.executeScript('ROLLBACK TO warta_script; RELEASE warta_script')
        onScriptFailure({ script, message: databaseMessage(error) })
        throw error
      }
      await db.executeScript('RELEASE warta_script')
    } finally {
      if (foreignKeys) await db.executeScript('PRAGMA foreign_keys = ON')
    }
  }
  return {
    provider: 'sqlite',
    adapterName,
    open,
    queryRaw: query => run(db => db.queryRaw(query)),
    executeRaw: query =>
      run(async db => {
        try {
          return await db.executeRaw(query)
        } catch (error) {
          if (query.args.length > 0 || !/more than one statement/.test(String(error))) throw error
          await atomically(db, query.sql)
          return 0
        }
      }),
    executeScript: script => run(db => atomically(db, script)),
    startTransaction: level => run(db => db.startTransaction(level)),
    async dispose() {
      const db = connection
      connection = undefined
      if (db) await (await db).dispose()
    },
  }
}

/**
 * The database's own words: the adapter maps some errors to kinds ("no such table: Nope" becomes
 * TableDoesNotExist, which the engine words in terms of Prisma models) and keeps the original.
 * @param {any} error
 */
function databaseMessage(error) {
  return String(error?.cause?.originalMessage ?? error?.message ?? error)
}

/** @param {unknown} error */
function asAdapterError(error) {
  if (error instanceof Error && error.name !== 'DriverAdapterError') {
    return new DriverAdapterError({ kind: 'sqlite', extendedCode: 1, message: error.message })
  }
  return error
}

/** @returns {SqlQuery} */
const sql = (/** @type {string} */ text) => ({ sql: text, args: [], argTypes: [] })
const quote = (/** @type {string} */ name) => `"${name.replaceAll('"', '""')}"`
