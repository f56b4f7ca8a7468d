// The where rewriter on its own (src/access/where.ts): shapes given by hand, no database.
import { describe, expect, it } from 'vitest'
import { guardWhere, hiddenOrderFields, impliesScope, type ListShape } from '../../src/access/where'

const notKilled = { status: { not: { equals: 'killed' } } }
const published = { status: { equals: 'published' } }
const lists: Record<string, ListShape> = {
  Person: {
    readable: true,
    fields: {
      name: { visible: true },
      authored: { relation: { list: 'Article', many: true }, visible: true },
    },
  },
  Article: {
    readable: published,
    fields: {
      headline: { visible: true },
      summary: { visible: notKilled },
      status: { visible: true },
      place: { relation: { list: 'Place', many: false }, visible: notKilled },
    },
  },
  Place: { readable: false, fields: { name: { visible: true } } },
}
const shapes = (key: string) => lists[key]!
const m = { headline: { startsWith: 'M' } }

describe('guardWhere', () => {
  it('narrows some and none to readable items, and lets every skip unreadable ones', () => {
    expect(guardWhere({ authored: { some: m, none: m, every: m } }, 'Person', shapes)).toEqual({
      authored: {
        some: { AND: [m, published] },
        none: { AND: [m, published] },
        every: { OR: [m, { NOT: [published] }] },
      },
    })
  })

  it('lets a condition on a field hidden on some items hold only where it is readable', () => {
    const summary = { summary: { startsWith: 'K' } }
    expect(guardWhere({ NOT: [summary] }, 'Article', shapes)).toEqual({
      NOT: [{ AND: [{ AND: [summary, notKilled] }] }],
    })
  })

  it('rewrites at every depth and treats an unreadable to-one item as none', () => {
    const where = { authored: { some: { place: { name: { equals: 'X' } } } } }
    const inner = guardWhere(where, 'Person', shapes) as { authored: { some: { AND: unknown[] } } }
    expect(inner.authored.some.AND[0]).toEqual({
      AND: [{ AND: [{ place: { id: { in: [] } } }, notKilled] }],
    })
    expect(guardWhere({ place: null }, 'Article', shapes)).toEqual({
      AND: [
        { AND: [{ OR: [{ place: null }, { place: { NOT: [{ id: { in: [] } }] } }] }, notKilled] },
      ],
    })
  })

  it('leaves a where on readable fields and items as it was', () => {
    const where = { name: { equals: 'A' }, OR: [{ name: { equals: 'B' } }] }
    expect(guardWhere(where, 'Person', shapes)).toEqual(where)
  })
})

describe('ordering', () => {
  it('is safe only when the where leaves out the items that hide the field', () => {
    expect(impliesScope(published, notKilled)).toBe(true)
    expect(impliesScope({ AND: [{ status: { in: ['draft', 'published'] } }] }, notKilled)).toBe(
      true
    )
    expect(impliesScope({ status: { in: ['killed'] } }, notKilled)).toBe(false)
    expect(impliesScope({ OR: [published] }, notKilled)).toBe(false)
    expect(impliesScope({ status: { equals: 'killed' } }, notKilled)).toBe(false)
    expect(
      hiddenOrderFields([{ summary: 'asc' }, { headline: 'asc' }], {}, 'Article', shapes)
    ).toEqual(['summary'])
  })
})
