// The Content API's budgets, all checked before anything executes: size and tokens when parsing,
// depth and aliases when validating, then `first` (0-100), cursors and a cost that multiplies each
// page by its size. A query over budget is refused with a GraphQL error (HTTP 400), never run.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import {
  getNullableType,
  GraphQLError,
  isListType,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
} from 'graphql'
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity'
import { decodeCursor } from './cursor'

export const BUDGET = {
  /** Characters of query text. */
  queryLength: 10_000,
  /** Lexical tokens of the query (graphql-js parse's maxTokens, as graphql-armor max-tokens). */
  tokens: 1_000,
  depth: 10,
  aliases: 15,
  /** Largest page. */
  first: 100,
  /** Cost: 1 per field, times the page size for connections and 5 for other lists. */
  cost: 5_000,
  /** Cost of one story's `body` (a long read's document and HTML are ~0.6 MiB together). */
  bodyCost: 200,
  /** Story bodies per request, aliases and nesting counted (docs/content-api.md, measured). */
  bodies: 10,
} as const

/** An error of the request itself (HTTP 400), with a message meant for its author. */
export const refusal = (message: string, code = 'BAD_REQUEST') =>
  new GraphQLError(message, { extensions: { code } })

/** Parses and validates `query` against the schema and the static budgets; errors or a document. */
export function prepare(
  schema: GraphQLSchema,
  query: string
): { document: DocumentNode } | { errors: GraphQLError[] } {
  if (query.length > BUDGET.queryLength)
    return { errors: [refusal(`The query is longer than ${BUDGET.queryLength} characters`)] }
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: BUDGET.tokens })
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : 'The query cannot be parsed'
    return { errors: [refusal(message, 'GRAPHQL_PARSE_FAILED')] }
  }
  // Reported as validation errors (not thrown), like the specified rules'.
  const report = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
    ],
  }
  const rules = [
    ...specifiedRules,
    maxDepthRule({ n: BUDGET.depth, ...report }),
    maxAliasesRule({ n: BUDGET.aliases, ...report }),
  ]
  const errors = validate(schema, document, rules, { maxErrors: 10 })
  if (errors.length > 0)
    return {
      // graphql-armor words its limits as syntax errors; they are not.
      errors: errors.map(e =>
        refusal(e.message.replace(/^Syntax Error: /, ''), 'GRAPHQL_VALIDATION_FAILED')
      ),
    }
  return { document }
}

const PAGE_DEFAULT = 20

const isBody = (typeName: string, fieldName: string) => typeName === 'Story' && fieldName === 'body'

/**
 * An estimator multiplying each field's children by its page size (connections) or by
 * `listFactor` (other lists); `own` is what a field adds itself (its cost, or the story bodies it reads).
 */
function pageEstimator(
  own: (typeName: string, fieldName: string) => number,
  listFactor = 5
): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const self = own(type.name, field.name)
    // Introspection (codegen, IDEs) reads the small, fixed schema: its lists are not multiplied.
    if (type.name.startsWith('__') || field.name.startsWith('__')) return self + childComplexity
    if (!field.args.some(arg => arg.name === 'first')) {
      const list = isListType(getNullableType(field.type))
      // A connection's edges and nodes are already counted by its page size.
      if (!list || field.name === 'edges' || field.name === 'nodes') return self + childComplexity
      return self + childComplexity * listFactor
    }
    const first = args.first ?? PAGE_DEFAULT
    if (!Number.isInteger(first) || first < 0 || first > BUDGET.first)
      throw refusal(`\`first\` must be between 0 and ${BUDGET.first}`, 'BAD_USER_INPUT')
    decodeCursor(args.after)
    return self + childComplexity * Math.max(first, 1)
  }
}

const costEstimator = pageEstimator((type, field) => (isBody(type, field) ? BUDGET.bodyCost : 1))
// The most story bodies the answer can hold: each `body` under every page and alias. A list
// without `first` (a story's read-also links and their targets) has no bound on its length, so
// bodies are read only under pages and single stories: under such a list they are over budget.
const bodyEstimator = pageEstimator(
  (type, field) => (isBody(type, field) ? 1 : 0),
  BUDGET.bodies + 1
)

/** Checks the arguments and the cost of the operation with these variables; an error or null. */
export function overBudget(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined
): GraphQLError | null {
  let cost: number
  let bodies: number
  try {
    const measure = (estimator: ComplexityEstimator) =>
      getComplexity({ schema, query: document, variables, operationName, estimators: [estimator] })
    bodies = measure(bodyEstimator)
    cost = measure(costEstimator)
  } catch (error) {
    return error instanceof GraphQLError
      ? refusal(error.message, String(error.extensions?.code ?? 'BAD_USER_INPUT'))
      : refusal('The query’s arguments are not valid')
  }
  if (bodies > BUDGET.bodies)
    return refusal(
      `The query reads up to ${bodies} story bodies, more than ${BUDGET.bodies} per request: ask fewer stories with \`body\` (a smaller \`first\`, fewer aliases)`,
      'OVER_BUDGET'
    )
  if (cost > BUDGET.cost)
    return refusal(`The query costs ${cost}, more than the budget of ${BUDGET.cost}`, 'OVER_BUDGET')
  return null
}
