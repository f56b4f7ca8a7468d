// Keystone's DateTime and CalendarDay scalars check the shape of a date only, so
// "2023-02-30T10:00:00Z" became 2 March and a storyDate of "2023-02-30" was stored as sent.
// This schema extension gives both scalars a calendar check, for every field, filter and action
// argument that uses them, before any resolver runs.
//
// The scalars are patched in place rather than rebuilt with @graphql-tools' mapSchema: Keystone
// loads graphql's CommonJS build and @graphql-tools its ES module, and graphql refuses types
// from one in the other ("Duplicate graphql modules").
import type { GraphQLScalarType, GraphQLSchema, ValueNode } from 'graphql'
import { isRealDate, isRealDateTime } from './calendar'

const rules: Record<string, { isReal: (value: string) => boolean; what: string; example: string }> =
  {
    DateTime: { isReal: isRealDateTime, what: 'date and time', example: '2023-07-12T10:00:00Z' },
    CalendarDay: { isReal: isRealDate, what: 'date', example: '2023-07-12' },
  }

const PATCHED = Symbol('warta.strictDates')

function makeStrict(type: GraphQLScalarType & { [PATCHED]?: true }) {
  const rule = rules[type.name]
  if (!rule || type[PATCHED]) return
  const check = (value: unknown) => {
    if (typeof value === 'string' && !rule.isReal(value)) {
      const shown = JSON.stringify(value.slice(0, 40))
      throw new Error(`${shown} is not a real ${rule.what} (for example ${rule.example})`)
    }
  }
  const { parseValue, parseLiteral } = type
  type.parseValue = value => {
    check(value)
    return parseValue.call(type, value)
  }
  type.parseLiteral = (node: ValueNode, variables) => {
    if (node.kind === 'StringValue') check(node.value)
    return parseLiteral.call(type, node, variables)
  }
  type[PATCHED] = true
}

/** For `graphql.extendGraphqlSchema`: DateTime and CalendarDay refuse impossible dates. */
export function withStrictDates(schema: GraphQLSchema): GraphQLSchema {
  for (const name of Object.keys(rules)) {
    const type = schema.getType(name)
    if (type) makeStrict(type as GraphQLScalarType)
  }
  return schema
}
