// A throwaway Warta-shaped project in a temp directory, for running the real Prisma CLI (and
// src/db/migrate.mjs) against the schema engine stand-in: the real prisma.config.ts and src/db,
// the fixture schema of test/fixtures/engine, and a database of its own (a SQLite file under
// data/, or for a PostgreSQL project a database on the suite's server).
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import Database from 'better-sqlite3'
import { schemaPaths } from '../../src/db/url.mjs'
import { freshDatabaseUrl } from '../helpers/database'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const fixture = (name: string) => path.join(root, 'test/fixtures/engine', name)
export const engineBinary = path.join(root, 'src/db/engine/schema-engine.mjs')
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js')

export type Run = { status: number | null; stdout: string; stderr: string; output: string }

export class Project {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'warta-engine-test-'))
  /** A PostgreSQL project's DATABASE_URL (its database does not exist until deployed to). */
  readonly databaseUrl?: string

  constructor(readonly provider: 'sqlite' | 'postgresql' = 'sqlite') {
    if (provider === 'postgresql') this.databaseUrl = freshDatabaseUrl()
    symlinkSync(path.join(root, 'node_modules'), this.path('node_modules'))
    mkdirSync(this.path('src'))
    symlinkSync(path.join(root, 'src/db'), this.path('src/db'))
    copyFileSync(path.join(root, 'prisma.config.ts'), this.path('prisma.config.ts'))
    this.useSchema('schema.prisma')
  }

  path(...parts: string[]) {
    return path.join(this.dir, ...parts)
  }

  /**
   * Makes a fixture of test/fixtures/engine the project's schema (schema.prisma, or for
   * PostgreSQL schema.postgresql.prisma with the fixture's provider changed).
   */
  useSchema(name: string) {
    const schema = readFileSync(fixture(name), 'utf8')
    writeFileSync(
      this.path(schemaPaths(this.provider).prisma),
      schema.replace('provider = "sqlite"', `provider = "${this.provider}"`)
    )
  }

  /** Writes a migration by hand (and the lock file, if there is none yet). */
  writeMigration(name: string, sql: string) {
    const dir = this.path('migrations', this.provider)
    mkdirSync(path.join(dir, name), { recursive: true })
    writeFileSync(path.join(dir, name, 'migration.sql'), sql)
    const lockfile = path.join(dir, 'migration_lock.toml')
    if (!existsSync(lockfile)) writeFileSync(lockfile, `provider = "${this.provider}"\n`)
  }

  /** `prisma …`, as the npm scripts and Keystone run it. */
  prisma(args: string[], env: Record<string, string> = {}) {
    return this.run([prismaCli, ...args], env)
  }

  /** `node src/db/migrate.mjs …`, as the npm scripts run it. */
  migrate(args: string[], env: Record<string, string> = {}) {
    return this.run([this.path('src/db/migrate.mjs'), ...args], env)
  }

  run(args: string[], extraEnv: Record<string, string> = {}): Run {
    const result = spawnSync(process.execPath, args, {
      cwd: this.dir,
      env: this.env(extraEnv),
      encoding: 'utf8',
    })
    if (result.error) throw result.error
    return outcome(result.status, result.stdout, result.stderr)
  }

  /** `run`, without waiting: for processes that must run at the same time. */
  runAsync(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
    const child = spawn(process.execPath, args, { cwd: this.dir, env: this.env(extraEnv) })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    return new Promise((resolve, reject) => {
      child.once('error', reject)
      child.once('close', status => resolve(outcome(status, stdout, stderr)))
    })
  }

  /** Only what the project configures: no inherited database or engine settings, no colours. */
  private env(extraEnv: Record<string, string>): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CHECKPOINT_DISABLE: '1' }
    delete env.DATABASE_URL
    delete env.PRISMA_SCHEMA_ENGINE_BINARY
    if (this.databaseUrl) env.DATABASE_URL = this.databaseUrl
    return Object.assign(env, { PRISMA_HIDE_UPDATE_MESSAGE: '1' }, extraEnv)
  }

  /** Runs `fn` on the project's SQLite file (default data/warta.db), then closes it. */
  withDatabase<T>(fn: (db: Database.Database) => T, file = 'data/warta.db'): T {
    const db = new Database(this.path(file))
    try {
      return fn(db)
    } finally {
      db.close()
    }
  }

  tables(file?: string): string[] {
    return this.withDatabase(db => {
      const rows = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string }[]
      return rows.map(row => row.name).sort()
    }, file)
  }

  remove() {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

function outcome(status: number | null, rawStdout: string, rawStderr: string): Run {
  const stdout = stripVTControlCharacters(rawStdout)
  const stderr = stripVTControlCharacters(rawStderr)
  return { status, stdout, stderr, output: `${stdout}\n${stderr}` }
}

export const sha256 = (file: string) =>
  createHash('sha256').update(readFileSync(file)).digest('hex')
