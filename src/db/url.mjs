// @ts-check
// Which database Warta talks to, decided in one place. Plain JavaScript so that every consumer can
// import it: keystone.ts and prisma.config.ts (through their TypeScript loaders), and the Node
// programs src/db/migrate.mjs and src/db/engine/ (Node 20 cannot run TypeScript).
import path from 'node:path'

/** Relative SQLite paths are relative to the project root, the cwd of every command. */
export const DEFAULT_DATABASE_URL = 'file:./data/warta.db'

/** DATABASE_URL, or the SQLite file under data/. An empty DATABASE_URL counts as unset. */
export function databaseUrl(env = process.env) {
  return env.DATABASE_URL || DEFAULT_DATABASE_URL
}

/**
 * The database kind, from the URL scheme.
 * @param {string} url
 * @returns {'sqlite' | 'postgresql'}
 */
export function databaseProvider(url = databaseUrl()) {
  if (url.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql'
  const scheme = url.match(/^[a-z][a-z0-9+.-]*:/i)?.[0] ?? '(no scheme)'
  throw new Error(
    `Unsupported DATABASE_URL scheme ${scheme}: use file:./path/to.db (SQLite) or postgresql://…`
  )
}

/**
 * Migrations are kept per provider, side by side: migrations/sqlite, migrations/postgresql.
 * @param {'sqlite' | 'postgresql'} provider
 */
export function migrationsDir(provider = databaseProvider()) {
  return `migrations/${provider}`
}

/**
 * Keystone bakes the provider into what it generates, so each provider has its own committed
 * schemas (SQLite keeps the original names). The Prisma client (generated/prisma) and Keystone's
 * build (.keystone/) exist once per checkout: they are for the provider of the last build.
 * @param {'sqlite' | 'postgresql'} provider
 */
export function schemaPaths(provider = databaseProvider()) {
  return provider === 'sqlite'
    ? { prisma: 'schema.prisma', graphql: 'schema.graphql' }
    : { prisma: `schema.${provider}.prisma`, graphql: `schema.${provider}.graphql` }
}

/**
 * The file a `file:` URL names, resolved exactly as the runtime adapter does
 * (`PrismaBetterSqlite3({ url })` strips `file:` and hands the rest to better-sqlite3, which
 * resolves it against the process cwd). Null for an in-memory database.
 * @param {string} url
 * @param {string} cwd
 */
export function sqliteFilePath(url, cwd = process.cwd()) {
  const file = url.replace(/^file:/, '')
  if (file === ':memory:' || file === '') return null
  return path.resolve(cwd, file)
}
