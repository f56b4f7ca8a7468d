// Raw SQL helpers shared by the publisher (writes) and the store's readers, for both providers.
// Prisma's SQL template tags come from its runtime: the generated client is ESM-only and
// Keystone's server build is CommonJS.
import { join, raw, sqltag as sql, type Sql as Fragment } from '@prisma/client/runtime/client'
import { isTransactionClient } from '../db/transaction'
import { databaseProvider } from '../db/url.mjs'

export { join, raw, sql, type Fragment }

/** The raw-SQL part of Prisma's client: Keystone's context.prisma, or a transaction's. */
export type Sql = {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Fragment, ...values: unknown[]): Promise<T>
  $executeRaw(query: TemplateStringsArray | Fragment, ...values: unknown[]): Promise<number>
}
export type Db = Sql & {
  $transaction?<R>(fn: (tx: Sql) => Promise<R>, options?: object): Promise<R>
}
export type Row = Record<string, unknown>

/**
 * Runs `fn` in the caller's transaction when `db` is a transaction's client (every mutation and
 * workflow action runs in one: src/db/transaction.ts), else in a transaction of its own. Prisma 7
 * would otherwise open a nested one, which cannot run beside another.
 */
export function inTransaction<R>(db: Db, fn: (tx: Sql) => Promise<R>, timeout = 30_000) {
  if (isTransactionClient(db) || typeof db.$transaction !== 'function') return fn(db)
  return db.$transaction(fn, { timeout, maxWait: timeout })
}

/** A time as each provider stores a DateTime column (the better-sqlite3 adapter: ISO text). */
export function at(time: Date): Fragment {
  const iso = time.toISOString()
  return databaseProvider() === 'postgresql'
    ? sql`CAST(${iso} AS timestamp(3))`
    : sql`${iso.replace('Z', '+00:00')}`
}

/** A DateTime column's value as read back (Date, ISO text or epoch ms). */
export const toDate = (v: unknown): Date | null =>
  v == null ? null : v instanceof Date ? v : new Date(v as string | number)

/** A Json column: text on SQLite, parsed already on PostgreSQL. */
export const fromJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v)

/** A calendarDay column: a string on SQLite, a DATE on PostgreSQL. */
export const toDay = (v: unknown): string | null =>
  v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)

// Rows per statement: well under both databases' limits on bound values (SQLite 32766).
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export function groupBy<T extends Row>(rows: T[], key: string): Map<unknown, T[]> {
  const groups = new Map<unknown, T[]>()
  for (const row of rows) {
    const group = groups.get(row[key])
    if (group) group.push(row)
    else groups.set(row[key], [row])
  }
  return groups
}
