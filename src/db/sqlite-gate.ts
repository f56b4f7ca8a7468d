// SQLite through Prisma has one connection. Prisma's better-sqlite3 adapter makes transactions
// wait for each other, but not other statements: a query of another request, run while a
// transaction is open, runs on the same connection inside it, so it reads writes that may yet
// be rolled back, and a write it makes commits or rolls back with a stranger's transaction.
// The gate makes those statements wait for the open transaction to end. Cost: one boolean test
// per statement; a statement waits at most for the one transaction open when it came (the
// statements waiting go before the next transaction). A transaction also takes the write lock
// as it begins (see immediately): each of Warta's transactions writes.

type Query = unknown
type Tx = {
  commit(): Promise<void>
  rollback(): Promise<void>
  executeRaw(query: { sql: string; args: unknown[]; argTypes: unknown[] }): Promise<number>
}
/** The part of Prisma's SqlDriverAdapter the gate changes (@prisma/driver-adapter-utils). */
type Adapter = {
  queryRaw(query: Query): Promise<unknown>
  executeRaw(query: Query): Promise<number>
  executeScript(script: string): Promise<void>
  startTransaction(isolationLevel?: unknown): Promise<Tx>
}
type Factory = { connect(): Promise<Adapter> }

/** One connection's turns: a transaction holds the connection; other statements queue. */
export class Gate {
  #held = false
  #transactions: (() => void)[] = []
  #statements: (() => void)[] = []

  /** Resolves when no transaction holds the connection; undefined when none does now. */
  whenFree(): Promise<void> | undefined {
    return this.#held ? new Promise(resolve => this.#statements.push(resolve)) : undefined
  }

  /** Takes the connection for a transaction, after the one holding it. */
  async take(): Promise<void> {
    if (!this.#held) {
      this.#held = true
      return
    }
    await new Promise<void>(resolve => this.#transactions.push(resolve))
  }

  /** Gives the connection back: the waiting statements run, then the next transaction. */
  give(): void {
    for (const resolve of this.#statements.splice(0)) resolve()
    const next = this.#transactions.shift()
    if (next) next()
    else this.#held = false
  }
}

function gatedTransaction<T extends Tx>(tx: T, gate: Gate): T {
  let open = true
  const end = (how: 'commit' | 'rollback') => async () => {
    try {
      await tx[how]()
    } finally {
      if (open) gate.give()
      open = false
    }
  }
  const commit = end('commit')
  const rollback = end('rollback')
  return new Proxy(tx, {
    get(target, key) {
      if (key === 'commit') return commit
      if (key === 'rollback') return rollback
      const value = Reflect.get(target, key, target) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

const statement = (sql: string) => ({ sql, args: [], argTypes: [] })

/**
 * Turns the adapter's deferred BEGIN into BEGIN IMMEDIATE, which takes the database's write lock
 * at once (waiting up to better-sqlite3's busy timeout, 5 s, for another process's writer). A
 * deferred transaction that reads first fails outright (SQLITE_BUSY) on its first write when
 * another process (a script next to the server) committed in between.
 */
async function immediately(tx: Tx) {
  try {
    await tx.executeRaw(statement('COMMIT')) // the empty deferred one
    await tx.executeRaw(statement('BEGIN IMMEDIATE'))
  } catch (error) {
    await tx.rollback() // releases the adapter's lock; nothing is open on the connection
    throw error
  }
}

function gatedAdapter<A extends Adapter>(adapter: A): A {
  const gate = new Gate()
  const waiting =
    <K extends 'queryRaw' | 'executeRaw' | 'executeScript'>(key: K) =>
    async (query: Parameters<A[K]>[0]) => {
      const wait = gate.whenFree()
      if (wait) await wait
      // Called synchronously after the wait: better-sqlite3 runs the statement right here,
      // before the next transaction's BEGIN.
      return adapter[key](query as never)
    }
  const wrapped = {
    queryRaw: waiting('queryRaw'),
    executeRaw: waiting('executeRaw'),
    executeScript: waiting('executeScript'),
    async startTransaction(isolationLevel?: unknown) {
      await gate.take()
      try {
        const tx = await adapter.startTransaction(isolationLevel)
        await immediately(tx)
        return gatedTransaction(tx, gate)
      } catch (error) {
        gate.give()
        throw error
      }
    },
  }
  return new Proxy(adapter, {
    get(target, key) {
      if (Object.hasOwn(wrapped, key)) return wrapped[key as keyof typeof wrapped]
      const value = Reflect.get(target, key, target) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** Prisma's SQLite adapter factory, its connections gated (see above). */
export function sqliteGate<F extends Factory>(factory: F): F {
  return new Proxy(factory, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown
      if (key === 'connect' || key === 'connectToShadowDb') {
        return async () => gatedAdapter(await (value as () => Promise<Adapter>).call(target))
      }
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
