// The shape of every list for one request's session (src/access/where.ts): which items it may
// read (the list's query access) and, per field, its relation and the items it is readable on.
// Read from Keystone's initialised lists, so every list and field is covered as it is built,
// and evaluated with the very access functions Keystone uses.
import type { KeystoneContext } from '@keystone-6/core/types'
import { partialReads } from '../access/rules'
import type { Session } from '../access/session'
import type { ListShape, Scope, Shapes, Where } from '../access/where'
import { graphqlRuntime } from './runtime'

const { assertInputObjectType, coerceInputValue } = graphqlRuntime

type AccessFn = (args: Record<string, unknown>) => unknown
/** What this module reads of Keystone's InitialisedList (`context.__internal.lists`). */
type KsList = {
  listKey: string
  graphql: { names: { whereInputName: string; outputTypeName: string } }
  access: { operation: { query: { many: AccessFn } }; filter: { query: AccessFn } }
  fields: Record<
    string,
    {
      access: { read: { item: AccessFn; filter: AccessFn } }
      dbField: { kind: string; list?: string; field?: string; mode?: 'one' | 'many' }
    }
  >
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>

/** Keystone's lists, by list key (its own metadata: pinned to @keystone-6/core 8.1). */
export const keystoneLists = (context: Context) =>
  context.__internal.lists as unknown as Record<string, KsList>

/** An access filter as the where input Keystone would resolve it to (dates parsed, lists). */
function coerced(context: Context, list: KsList, filter: unknown): Scope {
  if (typeof filter === 'boolean') return filter
  if (!filter || typeof filter !== 'object') return false // a broken rule hides, never shows
  const schema = context.sudo().graphql.schema
  const type = assertInputObjectType(schema.getType(list.graphql.names.whereInputName))
  return coerceInputValue(filter, type) as Where
}

async function listShape(context: Context, list: KsList): Promise<ListShape> {
  const session = context.session as Session | undefined
  const args = { session, context, listKey: list.listKey, operation: 'query' }
  const mayQuery = await list.access.operation.query.many({ ...args, kind: 'many' })
  const readable =
    mayQuery === true ? coerced(context, list, await list.access.filter.query(args)) : false
  const fields: ListShape['fields'] = {}
  for (const [key, field] of Object.entries(list.fields)) {
    const partial = partialReads.get(field.access.read.item)
    const visible = partial ? coerced(context, list, partial({ session })) : true
    const { dbField } = field
    const relation =
      dbField.kind === 'relation'
        ? { list: dbField.list!, many: dbField.mode === 'many' }
        : undefined
    fields[key] = relation ? { relation, visible } : { visible }
  }
  return { readable, fields }
}

const cache = new WeakMap<object, Promise<Record<string, ListShape>>>()

/** The shapes for this context's session, computed once per context (one request). */
export async function shapesFor(context: Context): Promise<Shapes> {
  let pending = cache.get(context)
  if (!pending) {
    const lists = Object.values(keystoneLists(context))
    pending = Promise.all(
      lists.map(async list => [list.listKey, await listShape(context, list)] as const)
    ).then(entries => link(context, Object.fromEntries(entries)))
    cache.set(context, pending)
  }
  const shapes = await pending
  return listKey => shapes[listKey] ?? { readable: false, fields: {} }
}

/** Each relationship field learns where the other side's field shows the link. */
function link(context: Context, shapes: Record<string, ListShape>) {
  for (const list of Object.values(keystoneLists(context))) {
    for (const [key, { dbField }] of Object.entries(list.fields)) {
      const relation = shapes[list.listKey]?.fields[key]?.relation
      if (!relation || !dbField.field) continue
      relation.linked = shapes[relation.list]?.fields[dbField.field]?.visible ?? true
    }
  }
  return shapes
}
