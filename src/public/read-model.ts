// The published read model: the exact JSON answer to each public page query (./pages.ts), kept
// per page key with the refs it was built from. Reading a page is one SQL statement.
//
// Consistency: every write to a public list drops the pages whose refs it touches, and bumps an
// epoch, before the write's request returns (./invalidate.ts). A page built from a read that
// raced with a write is stored only if no write bumped the epoch meanwhile; the epoch row's lock
// orders the two, on SQLite and PostgreSQL alike. Pages that a scheduled story could enter
// expire at its publication time.
// Prisma's SQL template tags, from its runtime: the generated client is ESM-only and Keystone's
// server build is CommonJS.
import { join, sqltag as sql, type Sql as Fragment } from '@prisma/client/runtime/client'
import { isTransactionClient } from '../db/transaction'
import type { Ref } from './refs'

// The raw-SQL part of Prisma's client (Keystone's context.prisma, or a transaction's).
export type Sql = {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Fragment, ...values: unknown[]): Promise<T>
  $executeRaw(query: TemplateStringsArray | Fragment, ...values: unknown[]): Promise<number>
}
export type Db = Sql & {
  $transaction?<R>(fn: (tx: Sql) => Promise<R>, options?: object): Promise<R>
}

/** The stored answer for `key`, unless missing or expired. */
export async function readPage(db: Sql, key: string, now = Date.now()): Promise<string | null> {
  const rows = await db.$queryRaw<{ body: string }[]>`
    SELECT "body" FROM "PublicPage"
    WHERE "key" = ${key} AND ("expiresAt" IS NULL OR "expiresAt" > ${BigInt(now)})`
  return rows[0]?.body ?? null
}

export async function currentEpoch(db: Sql): Promise<bigint | null> {
  const rows = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT "n" FROM "PublicPageEpoch" WHERE "id" = 1`
  return rows[0] ? BigInt(rows[0].n) : null
}

/** Runs `fn` in a transaction, or in the caller's when `db` already is one. */
function inTransaction<R>(db: Db, fn: (tx: Sql) => Promise<R>): Promise<R> {
  if (!db.$transaction || isTransactionClient(db)) return fn(db)
  return db.$transaction(fn, { timeout: 30_000, maxWait: 30_000 })
}

export type Page = { key: string; body: string; refs: readonly Ref[]; expiresAt: Date | null }

// Rows per INSERT: well under both databases' limits on bound values (SQLite 32766).
const CHUNK = 1000

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * Stores pages built after reading `epoch`, all or none; returns false, storing nothing, when a
 * write came in between.
 */
export async function storePages(db: Db, epoch: bigint, pages: readonly Page[]): Promise<boolean> {
  if (pages.length === 0) return true
  return inTransaction(db, async tx => {
    // Takes the epoch row's lock: a concurrent write either finished first (no match) or waits.
    const claimed = await tx.$executeRaw`
      UPDATE "PublicPageEpoch" SET "n" = "n" WHERE "id" = 1 AND "n" = ${epoch}`
    if (claimed !== 1) return false
    for (const some of chunks(pages)) {
      const keys = join(some.map(page => page.key))
      await tx.$executeRaw`DELETE FROM "PublicPageRef" WHERE "key" IN (${keys})`
      await tx.$executeRaw`DELETE FROM "PublicPage" WHERE "key" IN (${keys})`
      const rows = some.map(page => {
        const expiresAt = page.expiresAt ? BigInt(page.expiresAt.getTime()) : null
        return sql`(${page.key}, ${page.body}, ${expiresAt})`
      })
      await tx.$executeRaw`INSERT INTO "PublicPage" ("key", "body", "expiresAt") VALUES ${join(rows)}`
    }
    const refs = pages.flatMap(page =>
      [...new Set(page.refs)].map(ref => sql`(${page.key}, ${ref})`)
    )
    for (const some of chunks(refs))
      await tx.$executeRaw`INSERT INTO "PublicPageRef" ("key", "ref") VALUES ${join(some)}`
    return true
  })
}

/** Drops every page built from any of `refs`, and bumps the epoch (see the top of the file). */
export async function dropPages(db: Db, refs: readonly Ref[]): Promise<void> {
  if (refs.length === 0) return
  await inTransaction(db, async tx => {
    await tx.$executeRaw`UPDATE "PublicPageEpoch" SET "n" = "n" + 1 WHERE "id" = 1`
    const keys = sql`SELECT "key" FROM "PublicPageRef" WHERE "ref" IN (${join(refs)})`
    await tx.$executeRaw`DELETE FROM "PublicPage" WHERE "key" IN (${keys})`
    await tx.$executeRaw`DELETE FROM "PublicPageRef" WHERE "key" IN (${keys})`
  })
}

/** Drops every page, e.g. before a rebuild after data was written around Keystone. */
export async function dropAllPages(db: Db): Promise<void> {
  await inTransaction(db, async tx => {
    await tx.$executeRaw`UPDATE "PublicPageEpoch" SET "n" = "n" + 1 WHERE "id" = 1`
    await tx.$executeRaw`DELETE FROM "PublicPageRef"`
    await tx.$executeRaw`DELETE FROM "PublicPage"`
  })
}
