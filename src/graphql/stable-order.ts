// Every ordering the API answers ends on a unique key. Keystone passes `orderBy` to the database
// as given, so rows that tie on it (four read-also links at the default position, two stories
// published in the same second) come back in whatever order the database's plan yields — a
// different one on SQLite and PostgreSQL, and possibly from one request to the next, which breaks
// pagination and caches. This appends the item's id as the last key of every ordering.
import { MapperKind, mapSchema } from '@graphql-tools/utils'
import { defaultFieldResolver, type GraphQLSchema } from 'graphql'

type OrderBy = Record<string, 'asc' | 'desc' | null>

/**
 * `orderBy` as Keystone accepts it (one object or a list; `[]` means none) with `{ id: 'asc' }`
 * appended unless the id is already a key. Pure.
 */
export function withIdLast(orderBy: OrderBy | readonly OrderBy[] | null | undefined): OrderBy[] {
  const keys = orderBy == null ? [] : Array.isArray(orderBy) ? [...orderBy] : [orderBy as OrderBy]
  return keys.some(key => 'id' in key) ? keys : [...keys, { id: 'asc' }]
}

/**
 * The schema with every field that takes an `orderBy` argument (list queries and to-many
 * relationships) resolving with `withIdLast(orderBy)`. For `graphql.extendGraphqlSchema`.
 */
export function withStableOrder(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: field => {
      if (!field.args?.orderBy) return field
      const resolve = field.resolve ?? defaultFieldResolver
      return {
        ...field,
        resolve: (source, args, context, info) =>
          resolve(source, { ...args, orderBy: withIdLast(args.orderBy) }, context, info),
      }
    },
  })
}
