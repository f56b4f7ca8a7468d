// One transaction per write: every GraphQL mutation runs in one (src/graphql/atomic-mutations.ts),
// and code that needs one (the workflow actions, the seed, the publisher) joins
// the caller's when there is one. Prisma 7 would open a nested one (a savepoint) instead, which
// refuses to run next to another ("Concurrent nested transactions are not supported") as
// Keystone's hooks of nested writes do, and leaves the client unable to start the next
// transaction. Work that must see the write committed (e.g. a cache warmed from the new state)
// is queued with afterCommit.
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

type Finish = (tx: Context) => Promise<unknown>
// jobs: after commit; finish: at the end of the transaction's function, still inside it;
// memos: per-transaction state of other modules (./touched-stories.ts).
type Open = { root: Context; jobs: Job[]; finish: Finish[]; memos: Map<symbol, unknown> }
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
  if (open.has(context.prisma as object)) return fn(context)
  if (isInTransaction(context)) {
    // A transaction opened elsewhere (context.transaction in a script): its end-of-function
    // steps run here; its commit is not seen, so after-commit jobs are dropped (see afterCommit).
    const client = context.prisma as object
    open.set(client, newState(context))
    try {
      return await withFinish(context, fn)
    } finally {
      open.delete(client)
    }
  }
  for (let attempt = 1; ; attempt++) {
    const state = newState(context)
    let client: object | undefined
    try {
      const result = await context.transaction(async tx => {
        client = tx.prisma as object
        open.set(client, state)
        return withFinish(tx as C, fn)
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

const newState = (root: Context): Open => ({ root, jobs: [], finish: [], memos: new Map() })

/** Runs fn, then the steps queued with beforeCommit (those they queue too), in order. */
async function withFinish<C extends Context, R>(tx: C, fn: (tx: C) => Promise<R>): Promise<R> {
  const result = await fn(tx)
  const state = open.get(tx.prisma as object)!
  for (let step = state.finish.shift(); step; step = state.finish.shift()) await step(tx)
  return result
}

/**
 * Queues `step` to run inside the current transaction once its function has done everything
 * else (Keystone's nested writes, hooks and version claims), just before it commits; a throw
 * rolls the whole transaction back. Returns false, queuing nothing, outside inTransaction's.
 */
export function beforeCommit(context: Context, step: Finish): boolean {
  const state = open.get(context.prisma as object)
  if (!state) return false
  state.finish.push(step)
  return true
}

/**
 * The current transaction's value for `key`, made by `make` on first use in it; undefined
 * outside inTransaction's transactions. For state a write gathers while it runs.
 */
export function transactionMemo<T>(context: Context, key: symbol, make: () => T): T | undefined {
  const state = open.get(context.prisma as object)
  if (!state) return undefined
  if (!state.memos.has(key)) state.memos.set(key, make())
  return state.memos.get(key) as T
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
