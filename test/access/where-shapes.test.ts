// Every field readable on some items only is known to the where guard (src/access/rules.ts
// partialReads): otherwise a filter on it would reveal what the field hides.
import { describe, expect, it } from 'vitest'
import { partialReads } from '../../src/access/rules'
import { keystoneLists } from '../../src/graphql/where-shapes'
import { testContext } from '../helpers/context'

const { context } = await testContext()

// Readable by owner or admin; only admins may filter by them, and admins read them on every item.
const filterImpliesItem = ['User.email', 'User.password']

describe('field read rules', () => {
  it('are all-or-nothing, or registered with the items they hold on', () => {
    const partial: string[] = []
    for (const list of Object.values(keystoneLists(context))) {
      for (const [key, field] of Object.entries(list.fields)) {
        const read = field.access.read as { item: unknown; filter: unknown }
        if (read.item === read.filter || partialReads.has(read.item)) continue
        partial.push(`${list.listKey}.${key}`)
      }
    }
    expect(partial.sort()).toEqual(filterImpliesItem)
  })
})
