// Nulls in a `where` that Keystone passes on to Prisma, which refuses them with internal text
// (a TypeError on `AND: null`, a PrismaClientValidationError on `equals: null` for a required
// field). Found here first, with the argument's path: "where.AND may not be null". Where a null
// means something (a to-one relation or an optional field that is empty), it stays allowed.
import type { Where } from '../access/where'

/** What this module needs of a Keystone field's database shape. */
export type DbField = { kind: string; mode?: string; list?: string }
/** The database shape of each field of a list, by list key. */
export type DbFields = (listKey: string) => Record<string, { dbField: DbField } | undefined>

const COMBINATORS = new Set(['AND', 'OR', 'NOT'])
// Filter operators whose null Prisma reads as "is null" (`not: null`: "is not null").
const NULL_TESTS = new Set(['equals', 'not'])
const RELATION_OPS = new Set(['some', 'every', 'none'])

const isObject = (v: unknown): v is Where => typeof v === 'object' && v !== null

/** The path of a scalar filter's first null that its field cannot take, or null. */
function scalarNull(filter: Where, field: DbField, path: string): string | null {
  const optional = field.mode === 'optional'
  for (const [op, value] of Object.entries(filter)) {
    if (op === 'mode') continue // null: the default mode
    if (value === null) {
      if (NULL_TESTS.has(op) && optional) continue
      return `${path}.${op}`
    }
    if (op === 'not' && isObject(value)) {
      const inner = scalarNull(value, field, `${path}.not`)
      if (inner) return inner
    }
  }
  return null
}

/**
 * The path (e.g. "where.AND", "where.headline.in") of the first null in `where`, an input for
 * `listKey`, that Keystone or Prisma cannot take; null when there is none.
 */
export function forbiddenNull(
  where: Where,
  listKey: string,
  fields: DbFields,
  path = 'where'
): string | null {
  const own = fields(listKey)
  for (const [key, value] of Object.entries(where)) {
    const at = `${path}.${key}`
    if (COMBINATORS.has(key)) {
      if (value === null) return at
      const items = Array.isArray(value) ? value : [value]
      for (const [i, item] of items.entries()) {
        const itemPath = Array.isArray(value) ? `${at}.${i}` : at
        if (!isObject(item)) return itemPath
        const inner = forbiddenNull(item, listKey, fields, itemPath)
        if (inner) return inner
      }
      continue
    }
    const field = own[key]?.dbField
    if (!field) continue // not a field: GraphQL has refused it already
    if (field.kind === 'relation') {
      if (field.mode !== 'many') {
        // null: "no related item"
        if (isObject(value)) {
          const inner = forbiddenNull(value, field.list!, fields, at)
          if (inner) return inner
        }
        continue
      }
      if (!isObject(value)) return at
      for (const [op, inner] of Object.entries(value)) {
        if (!RELATION_OPS.has(op)) continue
        if (!isObject(inner)) return `${at}.${op}`
        const found = forbiddenNull(inner, field.list!, fields, `${at}.${op}`)
        if (found) return found
      }
      continue
    }
    if (value === null) {
      if (field.mode === 'optional') continue
      return at
    }
    if (isObject(value)) {
      const inner = scalarNull(value, field, at)
      if (inner) return inner
    }
  }
  return null
}
