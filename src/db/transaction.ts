// One transaction per write: every GraphQL mutation runs in one (src/graphql/atomic-mutations.ts),
// and code that needs one (the workflow actions, the seed, the read model's page drops) joins
// the caller's when there is one. Prisma 7 would open a nested one (a savepoint) instead, which
// refuses to run next to another ("Concurrent nested transactions are not supported") as
// Keystone's hooks of nested writes do, and leaves the client unable to start the next
// transaction. Work that must see the write committed (warming public pages) is queued with
// afterCommit.
import type { KeystoneContext } from '@keystone-6/core/types'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>
type Job = (root: Context) => unknown

/**
 * maxWait: how long a write may queue for SQLite's one writer (or a PostgreSQL connection)
 * before it is refused as busy; timeout: the longest a write may hold its transaction (ms).
 */
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const
// PostgreSQL may abort one of two crossing transactions (a deadlock, a serialization failure);
// the whole write runs again, up to this many times in all.
const ATTEMPTS = 3

type Open = { root: Context; jobs: Job[] }
// Keyed by the transaction's Prisma client, which every context derived from it shares.
const open = new WeakMap<object, Open>()

// How Prisma 7 marks a transaction's client (its interactive-transaction scope), so that a
// transaction opened elsewhere (context.transaction in a script) is joined too.
const PRISMA_SCOPE = Symbol.for('prisma.client.transaction.scope_context')

/** Whether `prisma` is the client of a transaction (inTransaction's, or Prisma's own). */
export function isTransactionClient(prisma: unknown): boolean {
  if (typeof prisma !== 'object' || prisma === null) return false
  const scope = (prisma as Record<symbol, { kind?: unknown } | undefined>)[PRISMA_SCOPE]
  return open.has(prisma) || scope?.kind === 'nested'
}

/** Whether `context` runs in a transaction. */
export function isInTransaction(context: Context): boolean {
  return isTransactionClient(context.prisma)
}

const isWriteConflict = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === 'P2034' ||
  /deadlock detected|could not serialize access/i.test(String((error as Error)?.message))

/**
 * Runs `fn` in a transaction: the caller's when `context` already is one, else a new one that
 * commits when `fn` resolves and rolls back, writing nothing, when it throws. Jobs queued with
 * afterCommit run once the new transaction has committed, never when it rolled back.
 */
export async function inTransaction<C extends Context, R>(
  context: C,
  fn: (tx: C) => Promise<R>,
  options: { maxWait?: number; timeout?: number } = TRANSACTION_OPTIONS
): Promise<R> {
  if (isInTransaction(context)) return fn(context)
  for (let attempt = 1; ; attempt++) {
    const state: Open = { root: context, jobs: [] }
    let client: object | undefined
    try {
      const result = await context.transaction(async tx => {
        client = tx.prisma as object
        open.set(client, state)
        return fn(tx as C)
      }, options)
      for (const job of state.jobs) runJob(job, context)
      return result
    } catch (error) {
      if (attempt < ATTEMPTS && isWriteConflict(error)) continue
      throw error
    } finally {
      if (client) open.delete(client)
    }
  }
}

function runJob(job: Job, root: Context) {
  Promise.resolve()
    .then(() => job(root))
    .catch(error =>
      console.error(`after commit: ${error instanceof Error ? error.message : String(error)}`)
    )
}

/**
 * Runs `job` with a context outside any transaction once the current transaction has committed
 * (not awaited: best effort), or right away when `context` is not in one.
 */
export function afterCommit(context: Context, job: Job): void {
  const state = open.get(context.prisma as object)
  if (state) state.jobs.push(job)
  else if (!isInTransaction(context)) runJob(job, context)
  // else a transaction opened around inTransaction's back: its commit is not seen here, and
  // the job (best effort) is dropped rather than run against a closing transaction.
}
