// Every root field of the generated staff schema (schema.graphql), each as a request a client
// could send: a valid document whose required arguments are variables, filled with real ids
// (`ids`, by list key) and the least input their types demand. For the anonymous walks in
// test/access/anonymous.test.ts (access rules) and test/http/staff-only.test.ts (the plugin).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql'
import { repoRoot } from './paths'

export const staffSchema = buildSchema(readFileSync(path.join(repoRoot, 'schema.graphql'), 'utf8'))

export type RootRequest = {
  type: 'query' | 'mutation'
  field: string
  query: string
  variables: Record<string, unknown>
}

/** A value of `type` with only what the type requires; unique wheres name `ids[list]`. */
function valueOf(type: GraphQLInputType, ids: Record<string, string>): unknown {
  if (isNonNullType(type)) return valueOf(type.ofType, ids)
  if (isListType(type)) return [valueOf(type.ofType, ids)]
  if (isInputObjectType(type)) {
    const unique = /^(\w+)WhereUniqueInput$/.exec(type.name)
    if (unique) return { id: ids[unique[1]!] ?? '0' }
    const value: Record<string, unknown> = {}
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type)) value[field.name] = valueOf(field.type, ids)
    }
    return value
  }
  if (isScalarType(type)) {
    if (type.name === 'Int') return 1
    if (type.name === 'Boolean') return true
    if (type.name === 'DateTime') return '2023-07-12T00:00:00.000Z'
    return 'x'
  }
  if (isEnumType(type)) return type.getValues()[0]!.value
  return null
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any root field
function requestFor(
  type: 'query' | 'mutation',
  field: GraphQLField<any, any>,
  ids: Record<string, string>
) {
  const required = field.args.filter(arg => isNonNullType(arg.type))
  const declared = required.map(arg => `$${arg.name}: ${String(arg.type)}`).join(', ')
  const passed = required.map(arg => `${arg.name}: $${arg.name}`).join(', ')
  const returns = getNamedType(field.type)
  const selection = isObjectType(returns) ? ' { __typename }' : ''
  return {
    type,
    field: field.name,
    query: `${type}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
    variables: Object.fromEntries(required.map(arg => [arg.name, valueOf(arg.type, ids)])),
  }
}

/** One request per root query and mutation field of the staff schema. */
export function rootRequests(ids: Record<string, string> = {}): RootRequest[] {
  const query = staffSchema.getQueryType()!
  const mutation = staffSchema.getMutationType()!
  return [
    ...Object.values(query.getFields()).map(f => requestFor('query', f, ids)),
    ...Object.values(mutation.getFields()).map(f => requestFor('mutation', f, ids)),
  ]
}

/** What an anonymous caller may use (src/graphql/staff-only.ts says why). */
export const ANONYMOUS_ALLOWED = new Set([
  'query.authenticatedItem',
  // Keystone's own meta field: its adminMeta answers only signed-in staff (ui.isAccessAllowed).
  'query.keystone',
  'mutation.authenticateUserWithPassword',
  'mutation.endSession',
])
