// A small seeded PRNG (mulberry32): the same seed gives the same archive and the same slug
// sequence on every machine, so runs are comparable.
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  /** `count` distinct indices below n (count ≤ n). */
  indices(n: number, count: number): number[]
  /** `count` distinct items (count ≤ items.length). */
  sample<T>(items: readonly T[], count: number): T[]
}

export function rng(seed: number): Rng {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const indices = (n: number, count: number) => {
    const chosen = new Set<number>()
    while (chosen.size < count) chosen.add(Math.floor(next() * n))
    return [...chosen]
  }
  const sample = <T>(items: readonly T[], count: number): T[] =>
    indices(items.length, count).map(i => items[i]!)
  return { next, int, pick, indices, sample }
}
