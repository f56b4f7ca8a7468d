// A `cursor` positions a page by the item it names, whatever that item is: Prisma finds it
// outside the query's where and orders relative to its values. So a cursor naming an item the
// caller may not read (or an order by a field that item hides) would answer differently from a
// cursor naming no item, revealing that the item exists and where its hidden values sort.
import type { KeystoneContext } from '@keystone-6/core/types'
import { both, type Scope, type Shapes, type Where } from '../access/where'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>
type Counter = { count(args: { where: Where }): Promise<number> }

/** The unique input `{ slug: "x" }` as a where input (undefined if it names nothing). */
function uniqueAsWhere(cursor: unknown): Where | undefined {
  if (!cursor || typeof cursor !== 'object') return undefined
  const entries = Object.entries(cursor).filter(
    ([, value]) => value !== null && value !== undefined
  )
  if (entries.length === 0) return undefined
  return { AND: entries.map(([key, value]) => ({ [key]: { equals: value } })) }
}

/**
 * Whether `cursor` may position this query: it names an item of `listKey` the caller may read
 * (within `linked`, the items a relationship field shows), on which every field of `orderBy` is
 * readable. One count query. A cursor Keystone will refuse anyway passes (true).
 */
export async function cursorShown(
  context: Context,
  shapes: Shapes,
  listKey: string,
  cursor: unknown,
  orderBy: readonly Where[],
  linked: Scope
): Promise<boolean> {
  const named = uniqueAsWhere(cursor)
  if (!named) return true
  const { readable, fields } = shapes(listKey)
  let scope = both(readable, linked)
  for (const key of orderBy.flatMap(item => Object.keys(item))) {
    scope = both(scope, fields[key]?.visible ?? true)
  }
  if (scope === true) return true
  if (scope === false) return false
  const db = context.sudo().db as unknown as Record<string, Counter | undefined>
  const count = await db[listKey]!.count({ where: { AND: [named, scope] } })
  return count > 0
}
