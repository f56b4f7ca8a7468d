// Deeply nested input never reaches the resolvers: Keystone resolves filters recursively and
// Prisma refuses one nested past ~25 levels with its own JSON error ("recursion limit
// exceeded"), and deep nested creates take minutes. This Apollo plugin refuses, with a 400 and a
// message for the client, any argument or variable whose input objects nest past
// MAX_INPUT_DEPTH, once the operation is known and before it runs. JSON values (the story body)
// are left to their field's own guard (src/fields/body-rules.ts). A query text nested so deep
// that graphql-js's recursive parser overflows is explained by explainParseOverflow.
//
// graphql is imported by its CommonJS path, as Keystone and Apollo load it: its types and
// errors must be the same module's.
import {
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql/index.js'
import { brokenTextMessage, brokenTextPath, hasBrokenLiteral } from './input-text'

/** Input objects inside one another in an argument: `where: { AND: [{ … }] }` counts 2. */
export const MAX_INPUT_DEPTH = 20

const refuse = (message: string) =>
  new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  })

type InputType = {
  name?: string
  ofType?: InputType
  getFields?: () => Record<string, { type: InputType }>
}
const named = (type: InputType): InputType => (type.ofType ? named(type.ofType) : type)

/** Input-object depth of a variable's value of `type` (JSON and other scalars count 0). */
export function valueDepth(value: unknown, type: InputType, cap = MAX_INPUT_DEPTH): number {
  let deepest = 0
  const stack: { value: unknown; type: InputType; depth: number }[] = [{ value, type, depth: 0 }]
  while (stack.length > 0) {
    const frame = stack.pop()!
    if (Array.isArray(frame.value)) {
      for (const item of frame.value) stack.push({ ...frame, value: item })
      continue
    }
    const inputType = named(frame.type)
    if (!inputType.getFields || typeof frame.value !== 'object' || frame.value === null) continue
    const depth = frame.depth + 1
    deepest = Math.max(deepest, depth)
    if (deepest > cap) return deepest
    const fields = inputType.getFields()
    for (const [key, inner] of Object.entries(frame.value)) {
      if (fields[key]) stack.push({ value: inner, type: fields[key].type, depth })
    }
  }
  return deepest
}

/** Input-object depth of the literal arguments of `document` (JSON literals skipped). */
export function literalDepth(schema: GraphQLSchema, document: DocumentNode): number {
  const typeInfo = new TypeInfo(schema)
  let depth = 0
  let deepest = 0
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.OBJECT]: {
        enter() {
          const type = typeInfo.getInputType() as InputType | null
          if (!type || !named(type).getFields) return false // JSON: its own guard checks it
          deepest = Math.max(deepest, ++depth)
          return undefined
        },
        leave() {
          depth--
        },
      },
    })
  )
  return deepest
}

type Request = {
  schema: GraphQLSchema
  document?: DocumentNode
  operation?: {
    variableDefinitions?: readonly { variable: { name: { value: string } }; type: unknown }[]
  }
  request: { variables?: Record<string, unknown> }
}

function variablesDepth({ schema, operation, request }: Request): number {
  let deepest = 0
  for (const definition of operation?.variableDefinitions ?? []) {
    let typeNode = definition.type as { kind: string; type?: unknown; name?: { value: string } }
    while (typeNode.type) typeNode = typeNode.type as typeof typeNode
    const type = typeNode.name && (schema.getType(typeNode.name.value) as InputType | undefined)
    const value = request.variables?.[definition.variable.name.value]
    if (type) deepest = Math.max(deepest, valueDepth(value, type))
  }
  return deepest
}

/**
 * Apollo Server plugin: refuses, with a 400, over-nested arguments and variables, and text no
 * field may hold (src/graphql/input-text.ts).
 */
export const inputNesting = {
  async requestDidStart() {
    return {
      async didResolveOperation(request: Request) {
        for (const [name, value] of Object.entries(request.request.variables ?? {})) {
          const path = brokenTextPath(value, name)
          if (path) throw refuse(brokenTextMessage(`The value of $${path}`))
        }
        if (hasBrokenLiteral(request.document!)) throw refuse(brokenTextMessage('A text argument'))
        const depth = Math.max(
          literalDepth(request.schema, request.document!),
          variablesDepth(request)
        )
        if (depth > MAX_INPUT_DEPTH) {
          throw refuse(`An argument is nested more than ${MAX_INPUT_DEPTH} levels deep`)
        }
      },
    }
  },
}

type Formatted = { message: string; extensions?: Record<string, unknown> }

/**
 * Wraps Apollo's `formatError`: graphql-js parses recursively, so a query text nested ~1,000
 * deep fails to parse with "Maximum call stack size exceeded". Apollo answers it as a 400 parse
 * failure; this gives it a message that says what is wrong, without the stack.
 */
export function explainParseOverflow<F extends Formatted, E>(
  format: (formatted: F, error: E) => F
) {
  return (formatted: F, error: E): F => {
    const code = formatted.extensions?.code
    if (code === 'GRAPHQL_PARSE_FAILED' && /call stack/i.test(formatted.message)) {
      const { stacktrace: _, ...extensions } = formatted.extensions ?? {}
      formatted = {
        ...formatted,
        message: 'Syntax Error: the query is nested too deeply',
        extensions,
      }
    }
    return format(formatted, error)
  }
}
