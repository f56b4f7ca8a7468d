// A per-request batch: resolvers at one level of a query ask for keys one by one; the batch reads
// them all with one call once the level has asked (the tick after, as DataLoader schedules), so
// the statements per request follow the query's shape, never the number of results.

export class Batch<K, V> {
  private pending: { key: K; resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[] =
    []

  /** `load` answers every key it was given, in one read. */
  constructor(private readonly load: (keys: K[]) => Promise<Map<K, V>>) {}

  /** The key's value, or undefined when the read found none. */
  get(key: K): Promise<V | undefined> {
    return new Promise<V | undefined>((resolve, reject) => {
      if (this.pending.length === 0) {
        void Promise.resolve().then(() => process.nextTick(() => void this.flush()))
      }
      this.pending.push({ key, resolve, reject })
    })
  }

  private async flush() {
    const pending = this.pending
    this.pending = []
    try {
      const values = await this.load([...new Set(pending.map(p => p.key))])
      for (const p of pending) p.resolve(values.get(p.key))
    } catch (error) {
      for (const p of pending) p.reject(error)
    }
  }
}

/** Batches by a string group (e.g. the field's arguments): one Batch per group, made on demand. */
export class Batches<K, V> {
  private readonly groups = new Map<string, Batch<K, V>>()
  constructor(private readonly make: (group: string) => (keys: K[]) => Promise<Map<K, V>>) {}

  get(group: string, key: K): Promise<V | undefined> {
    let batch = this.groups.get(group)
    if (!batch) this.groups.set(group, (batch = new Batch(this.make(group))))
    return batch.get(key)
  }
}
