// Assembly: every GraphQL field that takes a list's `where` (list queries, counts, and
// relationship fields) gets it rewritten by src/access/where.ts before Keystone sees it, for the
// request's session; an `orderBy` on a field the caller cannot read on every item it orders is
// refused. A relationship field shows only the related items on which the other side shows the
// link too (a killed story's authors are hidden: its author's `authored` omits it), and a cursor
// naming an item the caller may not read positions nothing (./guard-cursor.ts). Sudo contexts
// (the seed, the workflow's own reads) pass through unchanged. A null that Keystone or Prisma
// cannot take is refused first (./null-filters.ts), and a database error in any of these reads,
// or in a Query field, is told as a read (./read-errors.ts).
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql'
import type { KeystoneContext } from '@keystone-6/core/types'
import { guardWhere, hiddenOrderFields, type Scope, type Where } from '../access/where'
import { refusal } from '../refusals'
import { cursorShown } from './guard-cursor'
import { forbiddenNull } from './null-filters'
import { readError } from './read-errors'
import { graphqlRuntime } from './runtime'
import { keystoneLists, shapesFor } from './where-shapes'

const { defaultFieldResolver, getNamedType, GraphQLError, isObjectType } = graphqlRuntime

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>
type Args = { where?: Where | null; orderBy?: readonly Where[] | null; [arg: string]: unknown }
type Resolver = GraphQLFieldResolver<unknown, Context, Args>

const listKeyByName = new WeakMap<object, Map<string, string>>()

/** The list key of a list's where input or output type name. */
function listKeyOf(context: Context, typeName: string): string | undefined {
  const lists = keystoneLists(context)
  let names = listKeyByName.get(lists)
  if (!names) {
    names = new Map(
      Object.values(lists).flatMap(l => [
        [l.graphql.names.whereInputName, l.listKey],
        [l.graphql.names.outputTypeName, l.listKey],
      ])
    )
    listKeyByName.set(lists, names)
  }
  return names.get(typeName)
}

// Matches no item: what a query positioned by a hidden cursor answers (as for no such item).
const NOTHING: Where = { id: { in: [] } }

/**
 * The arguments Keystone should see for this field, for this context's session. `linked`: for a
 * relationship field, the related items on which the other side shows the link.
 */
export async function guardedArgs(
  context: Context,
  listKey: string,
  args: Args,
  linked: Scope = true
): Promise<Args> {
  const lists = keystoneLists(context)
  const nullAt = args.where && forbiddenNull(args.where, listKey, key => lists[key]?.fields ?? {})
  if (nullAt) throw refusal('badInput', `${nullAt} may not be null`, 400)
  if (context.__internal.sudo) return args
  const shapes = await shapesFor(context)
  const where = args.where ?? {}
  if (args.orderBy?.length) {
    const hidden = hiddenOrderFields(args.orderBy, where, listKey, shapes)
    if (hidden.length > 0) {
      throw new GraphQLError(
        `You cannot order ${listKey} items by ${hidden.join(', ')} here: some of them do not ` +
          `show it to you. Filter those items out (e.g. by status) or order by another field.`,
        { extensions: { code: 'BAD_USER_INPUT' } }
      )
    }
  }
  if (args.cursor) {
    const shown = await cursorShown(
      context,
      shapes,
      listKey,
      args.cursor,
      args.orderBy ?? [],
      linked
    )
    if (!shown) return { ...args, where: NOTHING, cursor: undefined }
  }
  const guarded = args.where ? guardWhere(args.where, listKey, shapes) : undefined
  if (linked === true) return guarded ? { ...args, where: guarded } : args
  const scope = linked === false ? NOTHING : linked
  return { ...args, where: guarded ? { AND: [guarded, scope] } : scope }
}

/** For a relationship output field (`authored`, `authoredCount`): the other side's scope. */
async function linkedScope(context: Context, typeName: string, fieldName: string) {
  if (context.__internal.sudo) return true
  const owner = listKeyOf(context, typeName)
  if (!owner) return true
  const fields = (await shapesFor(context))(owner).fields
  const field = fields[fieldName] ?? fields[fieldName.replace(/Count$/, '')]
  return field?.relation?.linked ?? true
}

const GUARDED = Symbol('warta.guardedWhere')

/**
 * For graphql.extendGraphqlSchema: the schema with every `where`-taking field guarded. Wraps the
 * resolvers in place (a rebuilt schema would mix graphql realms, see ./runtime.ts).
 */
export function withSafeFilters(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue
    for (const field of Object.values(type.getFields())) {
      const whereArg = field.args.find(arg => arg.name === 'where')
      const typeName = whereArg && getNamedType(whereArg.type).name
      // Unique wheres (by id or slug) name one item: nothing to range over.
      const ranges = typeName?.endsWith('WhereInput') && !typeName.endsWith('WhereUniqueInput')
      // The Query type's other fields are reads too: their database errors are told as such.
      if (!ranges && type !== schema.getQueryType()) continue
      const resolve = (field.resolve ?? defaultFieldResolver) as Resolver & { [GUARDED]?: true }
      if (resolve[GUARDED]) continue
      const guarded: Resolver & { [GUARDED]?: true } = async (source, args, context, info) => {
        const listKey = ranges ? listKeyOf(context, typeName!) : undefined
        try {
          if (!listKey) return await resolve(source, args, context, info)
          const linked = await linkedScope(context, type.name, field.name)
          return await resolve(
            source,
            await guardedArgs(context, listKey, args, linked),
            context,
            info
          )
        } catch (error) {
          throw readError(error)
        }
      }
      guarded[GUARDED] = true
      field.resolve = guarded as typeof field.resolve
    }
  }
  return schema
}
