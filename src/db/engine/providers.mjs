// @ts-check
// One module per database kind, chosen by the URL scheme (src/db/url.mjs), each with the same
// three exports on top of the driver adapter the runtime uses.
/** @import { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils' */
import { databaseProvider } from '../url.mjs'
import * as postgresql from './postgresql.mjs'
import * as sqlite from './sqlite.mjs'

/**
 * @typedef {{ url: string, shadowDatabaseUrl?: string }} Datasource
 *   What the Prisma CLI passes as `--datasource` (from prisma.config.ts).
 * @typedef {object} Connector
 * @property {SqlMigrationAwareDriverAdapterFactory} factory  driver adapters for the wasm engine
 * @property {() => Promise<void>} [reset]  replaces the engine's `reset` when that cannot work
 * @property {() => ScriptFailure | undefined} takeScriptFailure  the last failed executeScript,
 *   forgotten once taken. Scripts (migrations) must run atomically: a failed one leaves nothing.
 * @property {() => Promise<void>} close  releases the connections `factory` opened
 * @typedef {{ script: string, message: string }} ScriptFailure  with the database's own message
 * @typedef {object} Provider
 * @property {(url: string) => Promise<void>} canConnect  throws an EngineError (P1003 if missing)
 * @property {(url: string) => Promise<string>} createDatabase  returns the database name
 * @property {(datasource: Datasource) => Connector} connect
 */

/** @type {Record<string, Provider>} */
const PROVIDERS = { sqlite, postgresql }

/** @param {string | undefined} url */
export function providerFor(url) {
  if (!url) throw new Error('No datasource URL: set datasource.url in prisma.config.ts')
  const name = databaseProvider(url)
  const provider = PROVIDERS[name]
  if (!provider) throw new Error(`The schema engine stand-in does not support ${name} yet`)
  return provider
}
