// @ts-check
// PostgreSQL for the stand-in engine, through the driver adapter the Warta runtime uses
// (@prisma/adapter-pg), with the fixes the wasm schema engine needs on top of it.
/** @import { SqlDriverAdapter } from '@prisma/driver-adapter-utils' */
/** @import { Connector, Datasource, ScriptFailure } from './providers.mjs' */
import { randomUUID } from 'node:crypto'
import { PrismaPg } from '@prisma/adapter-pg'
import { DriverAdapterError } from '@prisma/driver-adapter-utils'
import pg from 'pg'
import { EngineError } from './log.mjs'

/** `cli can-connect-to-database`: a missing database is P1003, which makes the CLI create it. */
export async function canConnect(/** @type {string} */ url) {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
  } catch (error) {
    throw connectionError(error, url)
  } finally {
    await client.end().catch(() => {})
  }
}

/** `cli create-database`: creates the database the URL names, from the server's `postgres` one. */
export async function createDatabase(/** @type {string} */ url) {
  const name = databaseName(url)
  await withMaintenanceClient(url, async client => {
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
    } catch (error) {
      // Another instance created it first: that is what was wanted.
      if (/** @type {{ code?: string }} */ (error).code !== '42P04') throw error
    }
  })
  return name
}

/**
 * The adapter factory handed to the wasm engine.
 * @param {Datasource} datasource
 * @returns {Connector}
 */
export function connect({ url, shadowDatabaseUrl }) {
  /** @type {ScriptFailure | undefined} */
  let lastFailure
  /** @type {(() => Promise<void>)[]} */
  const closers = []
  const onScriptFailure = (/** @type {ScriptFailure} */ failure) => void (lastFailure = failure)

  /** @param {string} connectionString */
  const open = async connectionString => {
    const pool = charAsTextPool(connectionString)
    const adapter = await new PrismaPg(pool).connect()
    const fixed = fixedAdapter(adapter, pool, onScriptFailure)
    closers.push(() => adapter.dispose().then(() => pool.end().catch(() => {})))
    return fixed
  }

  return {
    factory: {
      provider: 'postgres',
      adapterName: '@prisma/adapter-pg',
      connect: async () => {
        if (await databaseExists(url)) return open(url)
        // The engine connects as it starts, also for commands that need no database (a diff from
        // migrations to the schema): stand in with the server's `postgres` database, read-only.
        return readOnly(await open(withDatabase(url, 'postgres')), databaseName(url))
      },
      // adapter-pg's own helper creates the shadow database in the wrong place and drops it
      // while still connected to it, so the stand-in creates and drops it itself.
      connectToShadowDb: async () => {
        if (shadowDatabaseUrl) return open(shadowDatabaseUrl)
        const name = `warta_shadow_${randomUUID().replaceAll('-', '')}`
        await withMaintenanceClient(url, client =>
          client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
        )
        const adapter = await open(withDatabase(url, name))
        closers.push(async () => {
          await withMaintenanceClient(url, client =>
            client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
          )
        })
        return adapter
      },
    },
    takeScriptFailure() {
      const failure = lastFailure
      lastFailure = undefined
      return failure
    },
    async close() {
      // Pools first, then the shadow databases they were connected to.
      for (const close of closers) await close()
    },
  }
}

/**
 * A pg pool whose results report pg_catalog's `"char"` columns (OID 18, e.g. in the catalog
 * queries the engine uses to describe a schema) as text: adapter-pg rejects OID 18 outright.
 * @param {string} connectionString
 */
function charAsTextPool(connectionString) {
  return new pg.Pool({ connectionString, max: 4, Client: CharAsTextClient })
}

class CharAsTextClient extends pg.Client {
  /** @param {any[]} args */
  // @ts-expect-error -- one signature for all of pg's overloads
  query(...args) {
    const callback = args.at(-1)
    // pg.Pool queries with a callback; adapter-pg's transactions await a promise.
    if (typeof callback === 'function') {
      return super.query(
        // @ts-expect-error -- the caller's own arguments
        ...args.slice(0, -1),
        (/** @type {any} */ error, /** @type {any} */ result) =>
          callback(error, error ? result : charAsText(result))
      )
    }
    // @ts-expect-error -- the caller's own arguments
    const result = super.query(...args)
    return typeof result?.then === 'function' ? result.then(charAsText) : result
  }
}

/** @param {any} result  one result, or one per statement of a multi-statement query */
function charAsText(result) {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of one?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25
  }
  return result
}

/**
 * Fixes on top of the adapter:
 * - executeScript: adapter-pg splits the script on every `;`, which breaks string literals and
 *   `$$` bodies, and runs the pieces one by one. The whole script goes to the server as one
 *   simple-protocol query instead, inside a transaction, so a migration failing on its second
 *   statement leaves nothing of its first behind;
 * - executeRaw: multi-statement SQL without parameters (a migration replayed into the shadow
 *   database) cannot be a prepared statement, so it runs as a script;
 * - errors that are not adapter errors keep their message.
 * @param {SqlDriverAdapter} adapter
 * @param {pg.Pool} pool
 * @param {(failure: ScriptFailure) => void} onScriptFailure
 * @returns {SqlDriverAdapter}
 */
function fixedAdapter(adapter, pool, onScriptFailure) {
  const script = async (/** @type {string} */ sql) => {
    const client = await pool.connect()
    try {
      await client.query(`BEGIN;\n${sql}\n;COMMIT;`)
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      onScriptFailure({ script: sql, message: String(/** @type {Error} */ (error).message) })
      throw asAdapterError(error)
    } finally {
      client.release()
    }
  }
  return {
    provider: 'postgres',
    adapterName: adapter.adapterName,
    queryRaw: query => adapter.queryRaw(query),
    executeRaw: async query => {
      if (query.args.length > 0) return adapter.executeRaw(query)
      try {
        return await adapter.executeRaw(query)
      } catch (error) {
        if (!/multiple commands into a prepared statement/.test(String(error))) throw error
        await script(query.sql)
        return 0
      }
    },
    executeScript: script,
    startTransaction: level => adapter.startTransaction(level),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: async () => {},
  }
}

/** False only when the server says the URL's database does not exist. */
async function databaseExists(/** @type {string} */ url) {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    return true
  } catch (error) {
    // Any other failure is the adapter's to report, as it would without this check.
    return /** @type {{ code?: string }} */ (error).code !== '3D000'
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * An adapter that reads (the engine's version and catalog queries) and refuses every write.
 * @param {SqlDriverAdapter} adapter
 * @param {string} name  the database that does not exist
 * @returns {SqlDriverAdapter}
 */
function readOnly(adapter, name) {
  const refuse = async () => {
    throw new EngineError('P1003', `Database \`${name}\` does not exist.`, { database_name: name })
  }
  return {
    ...adapter,
    queryRaw: query => adapter.queryRaw(query),
    executeRaw: refuse,
    executeScript: refuse,
    startTransaction: refuse,
  }
}

/** @param {unknown} error */
function asAdapterError(error) {
  const e = /** @type {{ name?: string, message?: string, code?: string }} */ (error)
  if (e?.name === 'DriverAdapterError') return error
  return new DriverAdapterError({
    kind: 'postgres',
    code: e?.code ?? 'XX000',
    severity: 'ERROR',
    message: String(e?.message ?? error),
    detail: undefined,
    column: undefined,
    hint: undefined,
  })
}

/** The database a postgres:// URL names. */
function databaseName(/** @type {string} */ url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  if (!name) throw new Error(`DATABASE_URL names no database: ${redact(url)}`)
  return name
}

/** The same server and credentials, another database. */
export function withDatabase(/** @type {string} */ url, /** @type {string} */ name) {
  const other = new URL(url)
  other.pathname = `/${encodeURIComponent(name)}`
  return other.toString()
}

/**
 * Runs `fn` on a connection to the server's `postgres` database (or template1), for creating and
 * dropping databases, which cannot be done while connected to them.
 * @template T
 * @param {string} url
 * @param {(client: pg.Client) => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withMaintenanceClient(url, fn) {
  let lastError
  for (const name of ['postgres', 'template1']) {
    const client = new pg.Client({ connectionString: withDatabase(url, name) })
    try {
      await client.connect()
    } catch (error) {
      lastError = error
      await client.end().catch(() => {})
      continue
    }
    try {
      return await fn(client)
    } finally {
      await client.end().catch(() => {})
    }
  }
  throw connectionError(lastError, url)
}

/**
 * The native engine's errors for a database it cannot use: P1003 (no such database), P1001
 * (server unreachable), P1000 (authentication failed).
 * @param {unknown} error
 * @param {string} url
 */
function connectionError(error, url) {
  const e = /** @type {{ code?: string, message?: string }} */ (error)
  const { hostname, port } = new URL(url)
  const where = `${hostname}:${port || 5432}`
  if (e.code === '3D000') {
    const name = databaseName(url)
    return new EngineError(
      'P1003',
      `Database \`${name}\` does not exist on the database server at \`${where}\`.`,
      {
        database_name: name,
        database_host: hostname,
        database_port: Number(port || 5432),
      }
    )
  }
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'ETIMEDOUT') {
    return new EngineError(
      'P1001',
      `Can't reach database server at \`${where}\`.\n\nPlease make sure your database server is running at \`${where}\`.`,
      {
        database_host: hostname,
        database_port: Number(port || 5432),
      }
    )
  }
  if (e.code === '28P01' || e.code === '28000') {
    return new EngineError(
      'P1000',
      `Authentication failed against database server at \`${where}\`: ${e.message}`
    )
  }
  return error instanceof Error ? error : new Error(String(error))
}

/** A URL without its password, for messages. */
function redact(/** @type {string} */ url) {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}
