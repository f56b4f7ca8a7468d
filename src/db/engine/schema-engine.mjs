#!/usr/bin/env node
// @ts-check
// Stands in for Prisma's native `schema-engine` binary, which the Prisma CLI downloads before
// every command and which cannot be downloaded here (no network but the npm registry).
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY at this file. The CLI runs it as:
//   schema-engine --version
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database | create-database
//   schema-engine --datamodels <file>… --datasource '{"url":…,"shadowDatabaseUrl":…}'
// the last one speaking JSON-RPC on stdin/stdout (rpc.mjs), answered by Prisma's own schema
// engine compiled to WebAssembly (wasm.mjs) talking to the database through driver adapters
// (providers.mjs). stdout belongs to the protocol: diagnostics go to stderr (log.mjs).
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import { log, forwardEngineLog } from './log.mjs'
import { createHandler } from './methods.mjs'
import { providerFor } from './providers.mjs'
import { serve } from './rpc.mjs'
import { loadSchemaEngineWasm } from './wasm.mjs'

// Anything a dependency logs must not end up in the RPC channel.
console.log = console.info = console.debug = console.error

try {
  await main()
} catch (error) {
  const e = /** @type {{ message?: string, code?: string, meta?: unknown }} */ (error)
  const isPrismaCode = /^P\d{4}$/.test(e.code ?? '')
  log('ERROR', e.message ?? String(error), isPrismaCode ? { error_code: e.code, meta: e.meta } : {})
  process.exit(1)
}

async function main() {
  const { values: options, positionals } = parseArgs({
    options: {
      version: { type: 'boolean', short: 'V' },
      datamodels: { type: 'string', multiple: true },
      datasource: { type: 'string' },
      'enabled-preview-features': { type: 'string' },
      'extension-types': { type: 'string' },
    },
    allowPositionals: true,
  })
  if (options.version) {
    const { version } = await loadSchemaEngineWasm()
    process.stdout.write(`schema-engine-cli ${version()}\n`)
    return
  }
  /** @type {import('./providers.mjs').Datasource} */
  const datasource = JSON.parse(options.datasource ?? '{}')
  const [command, subcommand, ...rest] = positionals
  if (command === 'cli' && subcommand && rest.length === 0)
    return runCliCommand(subcommand, datasource.url)
  if (command !== undefined) throw new Error(`Unknown arguments: ${positionals.join(' ')}`)
  await serveRpc(datasource, options.datamodels ?? [])
}

/**
 * @param {string} command
 * @param {string} url
 */
async function runCliCommand(command, url) {
  // The CLI ignores the first line of stderr and reads the error from the lines after it.
  log('INFO', `schema-engine stand-in: cli ${command}`)
  const provider = providerFor(url)
  if (command === 'can-connect-to-database') return provider.canConnect(url)
  if (command === 'create-database') {
    log('INFO', `Created database ${await provider.createDatabase(url)}`)
    return
  }
  throw new Error(`Unsupported command: cli ${command}`)
}

/**
 * @param {import('./providers.mjs').Datasource} datasource
 * @param {string[]} datamodelPaths
 */
async function serveRpc(datasource, datamodelPaths) {
  const provider = providerFor(datasource.url)
  /** @type {[string, string][]} */
  const datamodels = await Promise.all(
    datamodelPaths.map(
      async file => /** @type {[string, string]} */ ([file, await readFile(file, 'utf8')])
    )
  )
  const connector = provider.connect(datasource)
  const { SchemaEngine } = await loadSchemaEngineWasm()
  const engine = await SchemaEngine.new(
    { datamodels: datamodels.length > 0 ? datamodels : undefined },
    forwardEngineLog,
    bindMigrationAwareSqlAdapterFactory(connector.factory)
  )
  await serve(createHandler({ engine, connector, provider, url: datasource.url }))
  await connector.close()
  process.exit(0)
}
