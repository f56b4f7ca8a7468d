// A unique where names exactly one item. Keystone's `…WhereUniqueInput` types have every key
// optional and are not @oneOf, so `updateTag(where: {})` would write to whichever row the
// database returns first, and `connect: [{}]` fails with a misleading "cannot connect". Each
// one in a request's arguments (where, the many variants, nested connect/disconnect/set) must
// give exactly one non-null key.
import {
  GraphQLError,
  getNullableType,
  isInputObjectType,
  isListType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql/index.js'

const SUFFIX = 'WhereUniqueInput'

function check(type: GraphQLInputType, value: unknown, at: string): void {
  if (value === null || value === undefined) return
  const nullable = getNullableType(type)
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return check(nullable.ofType, value, at)
    value.forEach((item, i) => check(nullable.ofType, item, `${at}[${i}]`))
    return
  }
  if (!isInputObjectType(nullable) || typeof value !== 'object') return
  const fields = nullable.getFields()
  const given = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== null && v !== undefined
  )
  if (nullable.name.endsWith(SUFFIX) && given.length !== 1) {
    const list = nullable.name.slice(0, -SUFFIX.length)
    throw new GraphQLError(
      `Input error: ${at} must name exactly one ${list} by one of ${Object.keys(fields).join(', ')}` +
        ` (it gives ${given.length === 0 ? 'none' : given.map(([k]) => k).join(' and ')}).` +
        ' Nothing was changed.',
      { extensions: { code: 'KS_USER_INPUT_ERROR' } }
    )
  }
  for (const [key, v] of given) {
    const field = fields[key]
    if (field) check(field.type, v, `${at}.${key}`)
  }
}

/** Throws a user input error when an argument holds a unique where that is not exactly one key. */
export function assertUniqueWheres(
  args: readonly GraphQLArgument[],
  values: Record<string, unknown>
): void {
  for (const arg of args) check(arg.type, values[arg.name], arg.name)
}
