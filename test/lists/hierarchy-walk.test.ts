import { describe, expect, it } from 'vitest'
import { MAX_CHAIN, reaches } from '../../src/lists/hierarchy'

const chain = (parents: Record<string, string[]>) => async (id: string) => parents[id] ?? []

describe('reaches (the upward walk)', () => {
  it('finds an ancestor and not a stranger', async () => {
    const up = chain({ a: ['b'], b: ['c'], x: [] })
    expect(await reaches('a', 'c', up)).toBe(true)
    expect(await reaches('a', 'x', up)).toBe(false)
  })

  it('ends on a cycle already in the data', async () => {
    expect(await reaches('a', 'z', chain({ a: ['b'], b: ['a'] }))).toBe(false)
  })

  it('follows every branch of a membership graph', async () => {
    const up = chain({ a: ['b', 'c'], c: ['d'], d: ['e'] })
    expect(await reaches('a', 'e', up)).toBe(true)
  })

  it('treats a chain longer than the cap as reaching (refused as suspect), without recursion', async () => {
    const up = async (id: string) => [String(Number(id) + 1)]
    expect(await reaches('0', 'never', up)).toBe(true)
    expect(MAX_CHAIN).toBeGreaterThan(1000)
  })
})
