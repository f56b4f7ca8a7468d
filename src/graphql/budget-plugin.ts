// Refuses, before execution, a GraphQL operation over its caller's budget (./budgets.ts): too
// deep, too many aliases, too many fields or tokens, too costly, or a `take` too large. The
// answer is HTTP 400 with one GraphQL error whose `extensions.code` says which budget and whose
// message gives the figures; nothing of the operation has run. Issue 12: one anonymous request
// of 100 aliased `articles(take: 50)` used to exhaust the heap and end the process.
import type { ApolloServerPlugin } from '@apollo/server'
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens'
import {
  GraphQLError,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql'
import { boundedDocumentStore, boundedPersistedQueries } from '../cache/document-size'
import { explainAbortedValidation } from './aborted-validation'
import { argumentRefusal } from './argument-limits'
import { readBudgets, TAKE_CEILING, type Budget, type Caller } from './budgets'
import { measure, type Measured } from './cost'

export type RefusalCode =
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_MANY_ALIASES'
  | 'QUERY_TOO_LARGE'
  | 'QUERY_TOO_COSTLY'
  | 'TAKE_TOO_LARGE'

function refusal(code: RefusalCode, caller: Caller, message: string, limit: number) {
  return new GraphQLError(`${message} (${caller} requests).`, {
    extensions: { code, caller, limit, http: { status: 400 } },
  })
}

/** What an armor rule found in the document: the largest count over its operations. */
function armorCount(
  schema: GraphQLSchema,
  document: DocumentNode,
  rule: (onAccept: ((_: unknown, found: { n: number }) => void)[]) => ValidationRule
): number {
  let found = 0
  validate(schema, document, [rule([(_, { n }) => (found = Math.max(found, n))])])
  return found
}

type Shape = { tokens: number; depth: number; aliases: number }
export type Figures = Measured & Shape

/** Tokens, depth and aliases: linear in the document (armor counts each fragment once). */
function shapeOf(schema: GraphQLSchema, { source, document }: CheckInput): Shape {
  const lexer = new MaxTokensParserWLexer(source, { n: Infinity })
  lexer.parseDocument()
  const depth = armorCount(schema, document, onAccept =>
    maxDepthRule({ n: Infinity, flattenFragments: true, onAccept })
  )
  const aliases = armorCount(schema, document, onAccept =>
    maxAliasesRule({ n: Infinity, onAccept })
  )
  return { tokens: lexer.tokenCount, depth, aliases }
}

/** Fields, cost and take (./cost.ts); throws past `maxNodes` expanded fields (a fragment bomb). */
const measureOf = (schema: GraphQLSchema, input: CheckInput, maxNodes: number) =>
  measure(schema, input.document, {
    variables: input.variables ?? {},
    operationName: input.operationName ?? undefined,
    maxNodes,
  })

/** The first budget the operation breaks, as the GraphQLError to answer with; null if none. */
export function checkBudget(
  schema: GraphQLSchema,
  input: CheckInput,
  caller: Caller,
  budget: Budget
): GraphQLError | null {
  const f = shapeOf(schema, input)
  if (f.depth > budget.maxDepth) {
    const message = `The query nests ${f.depth} levels deep; at most ${budget.maxDepth} are allowed`
    return refusal('QUERY_TOO_DEEP', caller, message, budget.maxDepth)
  }
  if (f.aliases > budget.maxAliases) {
    const message = `The query has ${f.aliases} aliases; at most ${budget.maxAliases} are allowed`
    return refusal('QUERY_TOO_MANY_ALIASES', caller, message, budget.maxAliases)
  }
  if (f.tokens > budget.maxTokens) {
    const message = `The query has ${f.tokens} tokens; at most ${budget.maxTokens} are allowed`
    return refusal('QUERY_TOO_LARGE', caller, message, budget.maxTokens)
  }
  let m: Measured
  try {
    m = measureOf(schema, input, budget.maxFields + 1)
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      const message = `The query selects more than ${budget.maxFields} fields, the most allowed`
      return refusal('QUERY_TOO_LARGE', caller, message, budget.maxFields)
    }
    // Variables or arguments that do not fit their types: refused here rather than left to
    // execution, which would still run the other fields, unmeasured.
    const reason = error instanceof GraphQLError ? error.message : 'it could not be measured'
    return new GraphQLError(`The query was refused: ${reason}`, {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    })
  }
  const badArgument = argumentRefusal(m.args, caller, budget)
  if (badArgument) return badArgument
  if (m.fields > budget.maxFields) {
    const message = `The query selects ${m.fields} fields; at most ${budget.maxFields} are allowed`
    return refusal('QUERY_TOO_LARGE', caller, message, budget.maxFields)
  }
  if (m.largestTake > budget.maxTake) {
    const message = `The query asks for take: ${m.largestTake}; at most ${budget.maxTake} rows per list are allowed`
    return refusal('TAKE_TOO_LARGE', caller, message, budget.maxTake)
  }
  if (m.cost > budget.maxCost) {
    const message =
      `The query could return about ${m.cost} values (each list counted at its take, ` +
      `or ${TAKE_CEILING} without one); at most ${budget.maxCost} are allowed: ask for fewer rows or fields`
    return refusal('QUERY_TOO_COSTLY', caller, message, budget.maxCost)
  }
  if (m.queries > budget.maxQueries) {
    const message =
      `The query could run about ${m.queries} database queries (one per row for each ` +
      `relationship); at most ${budget.maxQueries} are allowed: ask for fewer rows or relationships`
    return refusal('QUERY_TOO_COSTLY', caller, message, budget.maxQueries)
  }
  if (m.documents > budget.maxDocuments) {
    const message =
      `The query could read ${m.documents} stories (each with its body); at most ` +
      `${budget.maxDocuments} are allowed: ask for fewer stories`
    return refusal('QUERY_TOO_COSTLY', caller, message, budget.maxDocuments)
  }
  return null
}

type CheckInput = {
  source: string
  document: DocumentNode
  variables?: Record<string, unknown> | null
  operationName?: string | null
}

/** Keystone's schema has no subscription type: graphql-js would fail at execution, as a 200. */
const unsupportedSubscription = () =>
  new GraphQLError('Subscriptions are not supported: send a query or a mutation', {
    extensions: { code: 'OPERATION_NOT_SUPPORTED', http: { status: 400 } },
  })

/**
 * The Apollo plugin (keystone.ts, `graphql.apolloConfig.plugins`). The caller is staff when
 * Keystone found a session for the request, else anonymous. `WARTA_GRAPHQL_BUDGET_LOG=1` logs
 * the figures of every allowed operation (for measuring the Admin UI's queries).
 */
export function budgetPlugin(
  budgets: Record<Caller, Budget> = readBudgets()
): ApolloServerPlugin<{ session?: unknown }> {
  const logAccepted = process.env.WARTA_GRAPHQL_BUDGET_LOG === '1'
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ contextValue, source, document }) {
          const caller: Caller = contextValue.session ? 'staff' : 'anonymous'
          return async errors =>
            explainAbortedValidation(errors as GraphQLError[] | undefined, {
              source,
              document,
              caller,
              budget: budgets[caller],
            })
        },
        async didResolveOperation({ contextValue, source, document, request, schema, operation }) {
          if (operation?.operation === 'subscription') throw unsupportedSubscription()
          const caller: Caller = contextValue.session ? 'staff' : 'anonymous'
          const input = {
            source,
            document,
            variables: request.variables,
            operationName: request.operationName,
          }
          const error = checkBudget(schema, input, caller, budgets[caller])
          if (error) throw error
          if (logAccepted) logFigures(schema, input, caller)
        },
      }
    },
  }
}

function logFigures(schema: GraphQLSchema, input: CheckInput, caller: Caller) {
  const figures: Figures = { ...shapeOf(schema, input), ...measureOf(schema, input, 1e6) }
  const name = input.operationName ?? /^\s*\w+\s+(\w+)/.exec(input.source)?.[1] ?? '(unnamed)'
  console.log(`GraphQL budget ${caller} ${name}: ${JSON.stringify(figures)}`)
}

/**
 * What keystone.ts adds to `graphql.apolloConfig`: the plugin, a parse-time token limit (the
 * largest budget's), so that no document too long for any caller is even validated, and a
 * parsed-document store and a persisted-query cache bounded by bytes, source text included
 * (src/cache/document-size.ts).
 */
export function budgetApolloConfig(budgets: Record<Caller, Budget> = readBudgets()) {
  const maxTokens = Math.max(budgets.anonymous.maxTokens, budgets.staff.maxTokens)
  return {
    plugins: [budgetPlugin(budgets)],
    parseOptions: { maxTokens },
    documentStore: boundedDocumentStore().store,
    persistedQueries: { cache: boundedPersistedQueries().store },
  }
}
