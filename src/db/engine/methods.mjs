// @ts-check
// The RPC methods: each is forwarded to the wasm SchemaEngine method of the same name, except
// where the wasm engine behaves differently from the native one the CLI was written against.
/** @import { ApplyMigrationsInput, DiagnoseMigrationHistoryInput, DiagnoseMigrationHistoryOutput, DiffResult, SchemaEngine } from '@prisma/schema-engine-wasm' */
/** @import { Connector, Provider, ScriptFailure } from './providers.mjs' */
/** @import { Handler, Peer } from './rpc.mjs' */
import { EngineError } from './log.mjs'
import { MethodNotFoundError, PanicError } from './rpc.mjs'
import { takePanicMessage } from './wasm.mjs'

/**
 * @param {{ engine: SchemaEngine, connector: Connector, provider: Provider, url: string }} context
 * @returns {Handler}
 */
export function createHandler({ engine, connector, provider, url }) {
  /** @type {Record<string, (params: any, peer: Peer) => Promise<unknown>>} */
  const special = {
    diff: async (params, peer) => printDiff(await call(engine, 'diff', params), peer),
    diagnoseMigrationHistory: params => diagnoseMigrationHistory(engine, params),
    applyMigrations: async params => {
      connector.takeScriptFailure()
      try {
        return await call(engine, 'applyMigrations', params)
      } catch (error) {
        throw explainFailedMigration(error, params, connector.takeScriptFailure())
      }
    },
    reset: params => (connector.reset ? connector.reset() : call(engine, 'reset', params)),
    // Names the CLI uses for things the wasm engine has under another name, or not at all.
    getDatabaseVersion: params => call(engine, 'version', params),
    createDatabase: async () => ({ databaseName: await provider.createDatabase(url) }),
  }
  return (method, params, peer) => (special[method] ?? (p => call(engine, method, p)))(params, peer)
}

/**
 * Calls a method of the wasm engine; a trap in the wasm code is a Rust panic.
 * @param {SchemaEngine} engine
 * @param {string} method
 * @param {unknown} params
 */
async function call(engine, method, params) {
  const fn = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (engine))[method]
  if (typeof fn !== 'function' || method === 'free' || method.startsWith('_')) {
    throw new MethodNotFoundError(`The schema engine has no method ${method}`)
  }
  try {
    return await fn.call(engine, params)
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      throw new PanicError(takePanicMessage() || error.message)
    }
    throw error
  }
}

/**
 * The wasm engine returns the diff in `result.stdout`; the CLI prints only what the engine sends
 * it as a `print` request (the native engine's way), so without this nothing is printed.
 * @param {DiffResult} result
 * @param {Peer} peer
 */
async function printDiff(result, peer) {
  // The CLI adds a newline after the content.
  if (result.stdout) await peer.print(result.stdout.replace(/\n$/, ''))
  return { ...result, stdout: null }
}

/**
 * On a database without the `_prisma_migrations` table the wasm engine fails with P1014, where
 * the native engine answers "no migrations table" and lets `migrate status` explain the state.
 * @param {SchemaEngine} engine
 * @param {DiagnoseMigrationHistoryInput} params
 * @returns {Promise<DiagnoseMigrationHistoryOutput>}
 */
async function diagnoseMigrationHistory(engine, params) {
  try {
    return await call(engine, 'diagnoseMigrationHistory', params)
  } catch (error) {
    const e = /** @type {{ code?: string, message?: string }} */ (error)
    if (e.code !== 'P1014' || !e.message?.includes('_prisma_migrations')) throw error
    const names = params.migrationsList.migrationDirectories.map(directory => directory.path)
    return {
      history: names.length
        ? { diagnostic: 'databaseIsBehind', unappliedMigrationNames: names }
        : null,
      failedMigrationNames: [],
      editedMigrationNames: [],
      hasMigrationsTable: false,
    }
  }
}

/**
 * A failing migration comes back as the bare database error, without the migration's name and
 * sometimes reworded under an unrelated code (a missing table becomes P1014, "the underlying
 * table for model … does not exist"). Report it as the native engine does (P3018), naming the
 * migration whose script failed and quoting the database. Providers run scripts atomically, so
 * nothing of the failed migration is left in the database.
 * @param {unknown} error
 * @param {ApplyMigrationsInput} params
 * @param {ScriptFailure | undefined} failure
 */
function explainFailedMigration(error, { migrationsList }, failure) {
  const migration = migrationsList.migrationDirectories.find(({ migrationFile: { content } }) => {
    return content.tag === 'ok' && content.value === failure?.script
  })
  if (!failure || !migration) return error
  const name = migration.path
  return new EngineError(
    'P3018',
    `A migration failed to apply, and was rolled back: the database is as it was before it.\n\n` +
      `Migration name: ${name}\n\nDatabase error:\n${failure.message}\n\n` +
      `Fix the migration, mark it rolled back with \`prisma migrate resolve --rolled-back ${name}\`,` +
      ` then deploy again.`,
    { migration_name: name, database_error: failure.message }
  )
}
