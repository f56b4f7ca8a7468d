// Filters that never reveal what the caller may not read (issue 12). Keystone applies a list's
// access filter to the items a query returns, but not inside relation filters (`some`, `every`,
// `none`, to-one) of a `where`, and a field's read.filter is all-or-nothing, while some fields
// are readable on some items only (publicWhenKilled). This module rewrites a where input so that
// (a) a relation filter ranges only over related items the caller may read, at every depth, and
// (b) a condition on a field readable on some items only matches items where it is readable, so
// under NOT a hidden value is as irrelevant as under AND. Pure: the access filters come in
// already evaluated for the session (./where-shapes.ts builds them).

/** A where input as Keystone's GraphQL API takes it (already coerced). */
export type Where = { [key: string]: unknown }
/** Which items: all (true), none (false), or those matching a where input. */
export type Scope = boolean | Where

export type FieldShape = {
  /**
   * For relationship fields: the related list, whether the field holds many items, and the
   * related items on which the other side's field shows this link (a link hidden on one side,
   * e.g. a killed story's authors, is hidden from the other side too).
   */
  relation?: { list: string; many: boolean; linked?: Scope }
  /** The items of its own list on which the field is readable. */
  visible: Scope
}
export type ListShape = { readable: Scope; fields: Record<string, FieldShape | undefined> }
/** The shape of each list for one session. */
export type Shapes = (listKey: string) => ListShape

// Matches no item: an id in an empty list.
const NOTHING: Where = { id: { in: [] } }
const COMBINATORS = new Set(['AND', 'OR', 'NOT'])

const asWhere = (scope: Scope): Where => (scope === true ? {} : scope === false ? NOTHING : scope)

/** The items in both scopes. */
export function both(a: Scope, b: Scope): Scope {
  if (a === true || b === false) return b
  if (b === true || a === false) return a
  return { AND: [a, b] }
}

/** `where` narrowed to `scope`. */
function within(where: Where, scope: Scope): Where {
  if (scope === true) return where
  if (scope === false) return NOTHING
  return { AND: [where, scope] }
}

/** A many-relation filter (`some`, `every`, `none`) over `list`, for readable items only. */
function manyFilter(value: unknown, list: string, linked: Scope, shapes: Shapes): unknown {
  if (value === null || typeof value !== 'object') return value // Keystone refuses it
  const readable = both(shapes(list).readable, linked)
  const out: Where = {}
  for (const [op, inner] of Object.entries(value as Where)) {
    if (inner === null || typeof inner !== 'object') {
      out[op] = inner
      continue
    }
    const guarded = guardWhere(inner as Where, list, shapes)
    // Items the caller cannot read satisfy `every` trivially, and never `some` or `none`.
    if (op === 'every') {
      out[op] = readable === true ? guarded : { OR: [guarded, { NOT: [asWhere(readable)] }] }
    } else out[op] = within(guarded, readable)
  }
  return out
}

/** The condition `{ key: value }` on a to-one relation, for a readable related item only. */
function toOneCondition(
  key: string,
  value: unknown,
  list: string,
  linked: Scope,
  shapes: Shapes
): Where {
  const readable = both(shapes(list).readable, linked)
  // "No related item" includes a related item the caller cannot read (the API shows null).
  if (value === null) {
    if (readable === true) return { [key]: null }
    return { OR: [{ [key]: null }, { [key]: { NOT: [asWhere(readable)] } }] }
  }
  if (typeof value !== 'object') return { [key]: value }
  return { [key]: within(guardWhere(value as Where, list, shapes), readable) }
}

/**
 * `where` (an input for `listKey`) rewritten so its answer depends only on items and fields the
 * session may read. Unknown keys pass through untouched: Keystone has validated the input.
 */
export function guardWhere(where: Where, listKey: string, shapes: Shapes): Where {
  const { fields } = shapes(listKey)
  const out: Where = {}
  const extra: Where[] = []
  for (const [key, value] of Object.entries(where)) {
    if (COMBINATORS.has(key)) {
      out[key] = Array.isArray(value)
        ? value.map(item =>
            item && typeof item === 'object' ? guardWhere(item, listKey, shapes) : item
          )
        : value && typeof value === 'object'
          ? guardWhere(value as Where, listKey, shapes)
          : value
      continue
    }
    const field = fields[key]
    if (!field) {
      out[key] = value
      continue
    }
    const relation = field.relation
    const condition = !relation
      ? { [key]: value }
      : relation.many
        ? { [key]: manyFilter(value, relation.list, relation.linked ?? true, shapes) }
        : toOneCondition(key, value, relation.list, relation.linked ?? true, shapes)
    // Hidden on some items: the condition holds only where the field is readable.
    if (field.visible !== true) extra.push(within(condition, field.visible))
    else if (Object.keys(condition).length === 1 && key in condition) out[key] = condition[key]
    else extra.push(condition)
  }
  if (extra.length === 0) return out
  const and = out.AND === undefined ? [] : Array.isArray(out.AND) ? out.AND : [out.AND]
  return { ...out, AND: [...and, ...extra] }
}

// ---- Ordering ------------------------------------------------------------------------------

/** The conjuncts a where input requires of every item: its own keys and its AND entries. */
function* conjuncts(where: Where): Generator<[string, unknown]> {
  for (const [key, value] of Object.entries(where)) {
    if (key === 'AND') {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item && typeof item === 'object') yield* conjuncts(item as Where)
      }
    } else if (key !== 'OR' && key !== 'NOT') yield [key, value]
  }
}

/**
 * Whether `where` restricts a query to items inside `scope`, for scopes of the shape
 * `{ field: { not: { equals: v } } }` (e.g. "not killed"): the where must hold a condition on
 * the same field that excludes v; an `{ OR: [...] }` scope when one branch is. Any other scope
 * is never implied.
 */
export function impliesScope(where: Where, scope: Scope): boolean {
  if (scope === true) return true
  if (scope === false) return false
  // An OR scope (e.g. "not killed, or one's own") is implied when one of its branches is.
  const { OR: branches, ...rest } = scope
  if (Array.isArray(branches) && Object.keys(rest).length === 0) {
    return branches.some(branch => impliesScope(where, branch as Where))
  }
  const entries = Object.entries(scope)
  if (entries.length !== 1) return false
  const [field, test] = entries[0]!
  const excluded = (test as { not?: { equals?: unknown } } | null)?.not?.equals
  if (excluded === undefined || Object.keys(test as object).length !== 1) return false
  for (const [key, value] of conjuncts(where)) {
    if (key !== field || !value || typeof value !== 'object') continue
    const c = value as { equals?: unknown; in?: unknown; notIn?: unknown; not?: unknown }
    if (c.equals !== undefined && c.equals !== null && c.equals !== excluded) return true
    if (Array.isArray(c.in) && !c.in.includes(excluded)) return true
    if (Array.isArray(c.notIn) && c.notIn.includes(excluded)) return true
    const not = c.not as { equals?: unknown } | null | undefined
    if (not && not.equals === excluded) return true
  }
  return false
}

/**
 * The fields of `orderBy` that would order some items of `where` by a value the caller cannot
 * read there (ordering reveals it as surely as filtering). Empty when the order is safe.
 */
export function hiddenOrderFields(
  orderBy: readonly Where[],
  where: Where,
  listKey: string,
  shapes: Shapes
): string[] {
  const { fields } = shapes(listKey)
  return orderBy
    .flatMap(item => Object.keys(item))
    .filter(key => {
      const visible = fields[key]?.visible ?? true
      return !impliesScope(where, visible)
    })
}
