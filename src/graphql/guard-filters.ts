// Assembly: every GraphQL field that takes a list's `where` (list queries, counts, and
// relationship fields) gets it rewritten by src/access/where.ts before Keystone sees it, for the
// request's session; an `orderBy` on a field the caller cannot read on every item it orders is
// refused. Sudo contexts (the seed, the workflow's own reads) pass through unchanged. A null
// that Keystone or Prisma cannot take is refused first (./null-filters.ts), and a database error
// in any of these reads, or in a Query field, is told as a read (./read-errors.ts).
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql'
import type { KeystoneContext } from '@keystone-6/core/types'
import { guardWhere, hiddenOrderFields, type Where } from '../access/where'
import { refusal } from '../refusals'
import { forbiddenNull } from './null-filters'
import { readError } from './read-errors'
import { graphqlRuntime } from './runtime'
import { keystoneLists, shapesFor } from './where-shapes'

const { defaultFieldResolver, getNamedType, GraphQLError, isObjectType } = graphqlRuntime

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>
type Args = { where?: Where | null; orderBy?: readonly Where[] | null; [arg: string]: unknown }
type Resolver = GraphQLFieldResolver<unknown, Context, Args>

const listKeyByWhereInput = new WeakMap<object, Map<string, string>>()

function listKeyOf(context: Context, whereInputName: string): string | undefined {
  const lists = keystoneLists(context)
  let names = listKeyByWhereInput.get(lists)
  if (!names) {
    names = new Map(Object.values(lists).map(l => [l.graphql.names.whereInputName, l.listKey]))
    listKeyByWhereInput.set(lists, names)
  }
  return names.get(whereInputName)
}

/** The arguments Keystone should see for this field, for this context's session. */
export async function guardedArgs(context: Context, listKey: string, args: Args): Promise<Args> {
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
  return args.where ? { ...args, where: guardWhere(args.where, listKey, shapes) } : args
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
          return await resolve(source, await guardedArgs(context, listKey, args), context, info)
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
