// A comparison's relation changes as people read them: each profile id of a snapshot becomes
// `{ id, name }` with the profile's current name (profiles are shared reference data, not
// versioned: docs/newsroom.md), or name null for a profile deleted since.
import { SNAPSHOT_MANY, SNAPSHOT_ONE } from './snapshot'
import type { FieldChange } from './compare'

const LISTS: Record<string, string> = { ...SNAPSHOT_ONE, ...SNAPSHOT_MANY }

type Named = { id: string; name: string | null }
type FindMany = (args: { where: object }) => Promise<readonly { id: unknown; name?: unknown }[]>

/**
 * `fields` with every relation's before/after id list replaced by `Named[]`, in the same order.
 * Other fields are returned as they are. One read per profile list involved (sudo: staff may
 * see every profile's name).
 */
export async function withRelationNames(
  context: { sudo(): { db: unknown } },
  fields: FieldChange[]
): Promise<FieldChange[]> {
  const wanted = new Map<string, Set<string>>()
  for (const change of fields) {
    const list = LISTS[change.field]
    if (!list) continue
    const ids = wanted.get(list) ?? new Set<string>()
    for (const side of [change.before, change.after])
      for (const id of Array.isArray(side) ? side : []) ids.add(String(id))
    wanted.set(list, ids)
  }
  const names = new Map<string, string | null>()
  const db = context.sudo().db as unknown as Record<string, { findMany: FindMany }>
  for (const [list, ids] of wanted) {
    const rows = await db[list]!.findMany({ where: { id: { in: [...ids] } } })
    for (const row of rows) names.set(`${list}:${String(row.id)}`, String(row.name ?? ''))
  }
  const name = (list: string, side: unknown): Named[] =>
    (Array.isArray(side) ? side : []).map(id => ({
      id: String(id),
      name: names.get(`${list}:${String(id)}`) ?? null,
    }))
  return fields.map(change => {
    const list = LISTS[change.field]
    if (!list) return change
    return { ...change, before: name(list, change.before), after: name(list, change.after) }
  })
}
