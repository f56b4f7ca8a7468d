// @ts-check
// Database migrations, run from the project root (the npm scripts' cwd):
//   node src/db/migrate.mjs deploy          apply pending migrations (creates the database);
//                                           on PostgreSQL one instance at a time (lock.mjs)
//   node src/db/migrate.mjs status          compare migrations/<provider> with the database
//   node src/db/migrate.mjs create <name>   write the migration that brings the migrations
//                                           up to the provider's schema (url.mjs schemaPaths)
//   node src/db/migrate.mjs check           exit 2 if that schema has changes no migration has
// `prisma migrate dev` cannot work with the schema engine stand-in (src/db/engine/), so `create`
// asks `prisma migrate diff` for the SQL instead. The database comes from src/db/url.mjs.
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { withMigrationLock } from './lock.mjs'
import {
  databaseProvider,
  databaseUrl,
  migrationsDir,
  schemaPaths,
  sqliteFilePath,
} from './url.mjs'

const USAGE = 'Usage: node src/db/migrate.mjs deploy | status | create <name> | check'

const [command, ...args] = process.argv.slice(2)
try {
  process.exitCode = await run(command, args)
} catch (error) {
  console.error(`migrate ${command ?? ''}: ${error instanceof Error ? error.message : error}`)
  process.exitCode = 1
}

/**
 * @param {string | undefined} command
 * @param {string[]} args
 * @returns {Promise<number>}
 */
async function run(command, args) {
  const url = databaseUrl()
  const provider = databaseProvider(url)
  const db = { provider, migrations: migrationsDir(provider), schema: schemaPaths(provider).prisma }
  if (command === 'deploy' && args.length === 0) {
    // The SQLite file's directory (data/) may not exist in a fresh checkout.
    const file = provider === 'sqlite' ? sqliteFilePath(url) : null
    if (file) mkdirSync(path.dirname(file), { recursive: true })
    // Instances starting together: one applies the migrations, the others wait, then find
    // nothing pending.
    return withMigrationLock(url, () => prisma(['migrate', 'deploy'], 'prisma migrate deploy'))
  }
  if (command === 'status' && args.length === 0) {
    // Exit 1 also means "migrations are pending"; Prisma has printed which.
    return prisma(['migrate', 'status'], 'prisma migrate status')
  }
  if (command === 'create' && args.length === 1 && args[0]) return create(db, args[0])
  if (command === 'check' && args.length === 0) return check(db)
  throw new Error(USAGE)
}

/** @typedef {{ provider: string, migrations: string, schema: string }} Target */

/**
 * @param {Target} db
 * @param {string} rawName
 */
function create({ provider, migrations, schema }, rawName) {
  const name = rawName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
  if (!name)
    throw new Error(`"${rawName}" is not usable as a migration name (use letters and digits)`)
  checkLockfile(provider, migrations)
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'warta-migration-'))
  try {
    const output = path.join(scratch, 'migration.sql')
    const code = prisma(
      [...diffArgs(migrations, schema), '--script', '--exit-code', '--output', output],
      'prisma migrate diff'
    )
    // The CLI exits 0 with --output, silently, even when the engine failed; it writes no file.
    if (code === 0 && !existsSync(output)) {
      console.error(
        'prisma migrate diff failed without saying why (is the database server of DATABASE_URL ' +
          'reachable?); no migration written.'
      )
      return 1
    }
    if (code === 0) {
      console.log(`No schema changes: ${schema} matches ${migrations}, no migration written.`)
      return 0
    }
    if (code !== 2) return code
    const directory = path.join(migrations, `${utcTimestamp()}_${name}`)
    mkdirSync(directory, { recursive: true })
    writeFileSync(path.join(directory, 'migration.sql'), readFileSync(output, 'utf8'))
    writeFileSync(
      path.join(migrations, 'migration_lock.toml'),
      `# Written by src/db/migrate.mjs; keep it in version control.\nprovider = "${provider}"\n`
    )
    console.log(
      `Wrote ${directory}/migration.sql: review it, then apply it with npm run migrate:deploy`
    )
    return 0
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** @param {Target} db */
function check({ migrations, schema }) {
  const code = prisma([...diffArgs(migrations, schema), '--exit-code'], 'prisma migrate diff')
  if (code === 0) console.log(`${migrations} is in sync with ${schema}.`)
  if (code === 2) {
    console.error(
      `\n${schema} has changes that no migration in ${migrations} contains (listed above).\n` +
        `Create the migration with: npm run migrate:create -- <name>`
    )
  }
  return code
}

/** `migrate diff` from the committed migrations (or nothing, before the first) to the schema. */
function diffArgs(/** @type {string} */ migrations, /** @type {string} */ schema) {
  const from = hasMigrations(migrations) ? ['--from-migrations', migrations] : ['--from-empty']
  return ['migrate', 'diff', ...from, '--to-schema', schema]
}

function hasMigrations(/** @type {string} */ migrations) {
  if (!existsSync(migrations)) return false
  return readdirSync(migrations, { withFileTypes: true }).some(entry => entry.isDirectory())
}

/** Migrations written for one provider cannot be applied to another. */
function checkLockfile(/** @type {string} */ provider, /** @type {string} */ migrations) {
  const lockfile = path.join(migrations, 'migration_lock.toml')
  if (!existsSync(lockfile)) return
  const locked = readFileSync(lockfile, 'utf8').match(/^provider\s*=\s*"([^"]*)"/m)?.[1]
  if (locked !== provider) {
    throw new Error(`${lockfile} is for provider "${locked}", but DATABASE_URL is ${provider}`)
  }
}

/** yyyymmddHHMMSS in UTC, the prefix Prisma gives migration directories. */
function utcTimestamp() {
  return new Date().toISOString().replace(/\D/g, '').slice(0, 14)
}

/**
 * Runs the Prisma CLI of node_modules with this Node; returns its exit code (0, or 2 for a
 * non-empty `migrate diff --exit-code`), and explains any other failure.
 * @param {string[]} args
 * @param {string} what
 */
function prisma(args, what) {
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js')
  const result = spawnSync(process.execPath, [cli, ...args], {
    stdio: 'inherit',
    // No update check or telemetry: the network here reaches only the npm registry.
    env: { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  })
  if (result.error) throw new Error(`could not run ${what}: ${result.error.message}`)
  const code = result.status ?? 1
  if (code !== 0 && code !== 2) {
    const how = result.signal ? `was killed by ${result.signal}` : `failed with exit code ${code}`
    console.error(`\n${what} ${how} (its output is above).`)
  }
  return code
}
