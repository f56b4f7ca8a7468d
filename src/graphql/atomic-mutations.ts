// Every mutation is one transaction: a refused write writes nothing. Keystone runs a mutation's
// nested creates, hooks and version claim as separate statements, and the items of a many-item
// mutation independently; here each Mutation field (GraphQL requests, context.db and
// context.query alike, as both go through these resolvers) runs inside one transaction, a
// many-item mutation runs its items one after another in it (so a later item sees the earlier
// ones, e.g. two new tags named alike get "banjir" and "banjir-2"), and the first item that
// fails rolls all of them back. Errors leave in the client's words (src/errors.ts).
// graphql/index.js, as Keystone imports it: under vitest a bare 'graphql' is its ESM copy, whose
// type checks refuse Keystone's (CommonJS) types.
import {
  GraphQLError,
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isListType,
  responsePathAsArray,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql/index.js'
import type { KeystoneContext } from '@keystone-6/core/types'
import { inTransaction } from '../db/transaction'
import { publicError } from '../errors'
import { assertUniqueWheres } from './unique-where'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>
type Resolver = GraphQLFieldResolver<unknown, Context>

/**
 * Signing in and out change the session, not the newsroom's content: they keep Keystone's own
 * handling (the session work of another part of the hardening owns them).
 */
const OUTSIDE_TRANSACTIONS = new Set(['authenticateUserWithPassword', 'endSession'])

// The element types of Keystone's many-item mutations: createTags(data: [TagCreateInput!]!),
// updateTags(data: [TagUpdateArgs!]!), deleteTags(where: [TagWhereUniqueInput!]!) and the
// actions' publishArticles(data: [PublishArticleArgs!]!).
const MANY_ITEM = /(?:CreateInput|UpdateArgs|WhereUniqueInput|Args)$/

/** The argument holding the items when `field` is a many-item mutation, else undefined. */
function itemsArgument(field: GraphQLField<unknown, Context>): string | undefined {
  if (!isListType(getNullableType(field.type)) || field.args.length !== 1) return undefined
  const [arg] = field.args
  const isList = isListType(getNullableType(arg!.type))
  return isList && MANY_ITEM.test(getNamedType(arg!.type).name) ? arg!.name : undefined
}

/**
 * The error of the many-item mutation's item `index`, at that item's path as Keystone reports
 * it (`createTags.1`), though the whole mutation then answers null: nothing was written.
 */
function failedItem(error: unknown, info: GraphQLResolveInfo, index: number): unknown {
  if (!(error instanceof Error)) return error
  const { extensions } = error as { extensions?: Record<string, unknown> }
  return new GraphQLError(error.message, {
    nodes: info.fieldNodes,
    path: [...responsePathAsArray(info.path), index],
    ...(extensions && { extensions }),
  })
}

function atomic(resolve: Resolver, items: string | undefined): Resolver {
  return async (root, values, context, info) => {
    try {
      const field = info.parentType.getFields()[info.fieldName]
      assertUniqueWheres(field?.args ?? [], values)
      return await inTransaction(context, async tx => {
        if (items === undefined) return await resolve(root, values, tx, info)
        const out: unknown[] = []
        for (const [i, item] of (values[items] as unknown[]).entries()) {
          try {
            const [result] = (await resolve(root, { ...values, [items]: [item] }, tx, info)) as [
              unknown,
            ]
            out.push(await result)
          } catch (error) {
            throw failedItem(publicError(error), info, i)
          }
        }
        return out
      })
    } catch (error) {
      throw publicError(error)
    }
  }
}

function guarded(resolve: Resolver): Resolver {
  return async (root, values, context, info) => {
    try {
      return await resolve(root, values, context, info)
    } catch (error) {
      throw publicError(error)
    }
  }
}

/**
 * Keystone's `graphql.extendGraphqlSchema`: the schema with atomic, error-safe root fields.
 * The resolvers are replaced in place (Keystone builds a schema for each use and hands it here).
 */
export function atomicMutations(schema: GraphQLSchema): GraphQLSchema {
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {})
  for (const field of mutations as GraphQLField<unknown, Context>[]) {
    const resolve = (field.resolve ?? defaultFieldResolver) as Resolver
    field.resolve = OUTSIDE_TRANSACTIONS.has(field.name)
      ? guarded(resolve)
      : atomic(resolve, itemsArgument(field))
  }
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    field.resolve = guarded((field.resolve ?? defaultFieldResolver) as Resolver)
  }
  return schema
}
