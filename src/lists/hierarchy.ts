// No organization or place is its own parent, member or ancestor. Checked on every create and
// update from both sides of each relationship (setting `parent`, or connecting `children`;
// `memberOf`, or `members`), by walking the chain upwards iteratively with a cap. A create can
// close a cycle too: a new place whose parent is X and whose child is an ancestor of X.
import type { KeystoneContext } from '@keystone-6/core/types'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>
type Ref = { id?: unknown }
type ToOne = { connect?: Ref; disconnect?: boolean } | null | undefined
type ToMany = { connect?: Ref[]; set?: Ref[] } | null | undefined

/** More steps than any real hierarchy has; past it the chain is refused as suspect. */
export const MAX_CHAIN = 10_000

/**
 * Whether `target` is reachable from `start` by repeatedly following `up`, breadth first and
 * without recursion. `up(id)` gives the ids one step above `id`.
 */
export async function reaches(
  start: string,
  target: string,
  up: (id: string) => Promise<string[]>
): Promise<boolean> {
  const seen = new Set<string>([start])
  const queue = [start]
  while (queue.length > 0) {
    const id = queue.shift()!
    if (id === target) return true
    for (const next of await up(id)) {
      if (seen.has(next)) continue
      if (seen.size >= MAX_CHAIN) return true
      seen.add(next)
      queue.push(next)
    }
  }
  return false
}

const ids = (refs: Ref[] | undefined) => (refs ?? []).map(ref => String(ref.id))

/** The id standing for an item being created (no cuid looks like it). */
export const NEW_ITEM = '(new)'

/**
 * The problems of a write to a list with `parent`/`children` (Place, Organization); `item` is
 * the stored item, or `{ id: NEW_ITEM }` on create.
 */
export async function parentProblems(
  context: Context,
  listKey: string,
  item: { id: unknown; parentId?: unknown },
  data: { parent?: ToOne; children?: ToMany }
): Promise<string[]> {
  const self = String(item.id)
  const db = context.sudo().db[listKey]!
  // The parent after this write, for walks that start at this item.
  const newParent = data.parent?.connect?.id
  const parentOf = async (id: string) => {
    if (id === self && data.parent !== undefined) return newParent ? [String(newParent)] : []
    if (id === self) return item.parentId ? [String(item.parentId)] : []
    const row = await db.findOne({ where: { id } })
    return row?.parentId ? [String(row.parentId)] : []
  }
  const problems: string[] = []
  if (newParent !== undefined) {
    if (String(newParent) === self) problems.push('cannot be its own parent')
    else if (await reaches(String(newParent), self, parentOf)) {
      problems.push('cannot have one of its own descendants as parent')
    }
  }
  for (const child of [...ids(data.children?.connect), ...ids(data.children?.set)]) {
    if (child === self) problems.push('cannot be its own child')
    else if (await reaches(self, child, parentOf)) {
      problems.push('cannot have one of its own ancestors as child')
    }
  }
  return [...new Set(problems)]
}

/** The problems of a write to Organization's `memberOf`/`members`. */
export async function membershipProblems(
  context: Context,
  item: { id: unknown },
  data: { memberOf?: ToMany; members?: ToMany }
): Promise<string[]> {
  const self = String(item.id)
  const added = [...ids(data.memberOf?.connect), ...ids(data.memberOf?.set)]
  const memberOf = async (id: string) => {
    if (id === NEW_ITEM) return added
    const row = (await context.sudo().query.Organization!.findOne({
      where: { id },
      query: 'memberOf { id }',
    })) as { memberOf: { id: string }[] } | null
    const current = (row?.memberOf ?? []).map(o => o.id)
    return id === self ? [...current, ...added] : current
  }
  const problems: string[] = []
  for (const group of added) {
    if (group === self) problems.push('cannot be a member of itself')
    else if (await reaches(group, self, memberOf)) {
      problems.push('cannot be a member of an organization that is (through others) its member')
    }
  }
  for (const member of [...ids(data.members?.connect), ...ids(data.members?.set)]) {
    if (member === self) problems.push('cannot be a member of itself')
    else if (await reaches(self, member, memberOf)) {
      problems.push('cannot take as member an organization it is (through others) a member of')
    }
  }
  return [...new Set(problems)]
}
