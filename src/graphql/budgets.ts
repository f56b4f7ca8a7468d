// What one GraphQL operation may ask of the server, per caller: an anonymous reader (no session)
// gets the strictest budget, signed-in staff (the Admin UI) a larger one. ./budget-plugin.ts
// refuses, before execution, any operation over its caller's budget. Every figure can be changed
// through the environment (read once, here):
//
//   WARTA_GRAPHQL_{ANONYMOUS|STAFF}_MAX_DEPTH     nesting of fields (fragments flattened)
//   WARTA_GRAPHQL_{ANONYMOUS|STAFF}_MAX_ALIASES   aliased fields
//   WARTA_GRAPHQL_{ANONYMOUS|STAFF}_MAX_FIELDS    fields, with every fragment spread expanded
//   WARTA_GRAPHQL_{ANONYMOUS|STAFF}_MAX_TOKENS    lexical tokens of the document
//   WARTA_GRAPHQL_{ANONYMOUS|STAFF}_MAX_COST      estimated result size (./cost.ts)
//   WARTA_GRAPHQL_{ANONYMOUS|STAFF}_MAX_QUERIES   estimated database queries (./cost.ts)
//   WARTA_GRAPHQL_{ANONYMOUS|STAFF}_MAX_DOCUMENTS story rows read (each with its body, up to
//                                                 the body limit, in memory)
//   WARTA_GRAPHQL_{ANONYMOUS|STAFF}_MAX_TAKE      `take` of any list or relationship field
//   WARTA_GRAPHQL_{ANONYMOUS|STAFF}_MAX_FILTER_TEXT  characters of any text in a `where`
//   WARTA_GRAPHQL_{ANONYMOUS|STAFF}_MAX_FILTER_ITEMS items of `in`/`notIn`/`AND`/`OR`/`NOT`
//                                                 lists, summed over the request
//   WARTA_GRAPHQL_{ANONYMOUS|STAFF}_MAX_ORDER_BY     `orderBy` terms of any field
//   WARTA_GRAPHQL_BODY_LIMIT                      request body, bytes (src/http/body.ts)
//
// The defaults were measured against the 192 MiB heap `npm start` gives the process
// (docs/production.md): the worst query each budget allows stays far below it.

export type Budget = {
  maxDepth: number
  maxAliases: number
  maxFields: number
  maxTokens: number
  maxCost: number
  maxQueries: number
  maxDocuments: number
  maxTake: number
  maxFilterText: number
  maxFilterItems: number
  maxOrderBy: number
}

export type Caller = 'anonymous' | 'staff'

/**
 * Keystone's `maxTake` for every list (keystone.ts, `listDefaults`): the most rows any list or
 * relationship field returns, and what an untaken field returns (`take: Int! = 100` in the
 * schema). Fixed, not configurable, because it is part of the built GraphQL schema.
 */
export const TAKE_CEILING = 100

/**
 * What the database is asked through arguments (./argument-limits.ts), the same for both
 * callers: far above what the Admin UI sends (one `orderBy` term, a search `OR` of a few fields,
 * an `in` of the ids of one page), far below what SQLite refuses or takes seconds over.
 */
const ARGUMENT_LIMITS = { maxFilterText: 1000, maxFilterItems: 500, maxOrderBy: 5 }

export const DEFAULT_BUDGETS: Record<Caller, Budget> = {
  anonymous: {
    maxDepth: 6,
    maxAliases: 10,
    maxFields: 200,
    maxTokens: 1000,
    maxCost: 50_000,
    maxQueries: 50,
    maxDocuments: 50,
    maxTake: 50,
    ...ARGUMENT_LIMITS,
  },
  staff: {
    maxDepth: 10,
    maxAliases: 60,
    maxFields: 1000,
    maxTokens: 5000,
    maxCost: 250_000,
    maxQueries: 1500,
    // An Admin UI list page of 50 stories, with relationship selects beside it.
    maxDocuments: 120,
    maxTake: TAKE_CEILING,
    ...ARGUMENT_LIMITS,
  },
}

/** A 50,000-word story's document JSON is about 0.4 MiB: 1 MiB leaves room (2.5×). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024

const KEYS: Record<keyof Budget, string> = {
  maxDepth: 'MAX_DEPTH',
  maxAliases: 'MAX_ALIASES',
  maxFields: 'MAX_FIELDS',
  maxTokens: 'MAX_TOKENS',
  maxCost: 'MAX_COST',
  maxQueries: 'MAX_QUERIES',
  maxDocuments: 'MAX_DOCUMENTS',
  maxTake: 'MAX_TAKE',
  maxFilterText: 'MAX_FILTER_TEXT',
  maxFilterItems: 'MAX_FILTER_ITEMS',
  maxOrderBy: 'MAX_ORDER_BY',
}

/** A positive integer from the environment, or the default; anything else stops the start. */
function positiveInteger(name: string, fallback: number, environment: NodeJS.ProcessEnv): number {
  const raw = environment[name]
  if (raw === undefined || raw === '') return fallback
  if (!/^[1-9]\d*$/.test(raw.trim())) {
    throw new Error(`${name} must be a positive whole number, not "${raw}"`)
  }
  return Number(raw.trim())
}

/** The budget of each caller, defaults overridden by the environment. */
export function readBudgets(environment: NodeJS.ProcessEnv = process.env): Record<Caller, Budget> {
  const read = (caller: Caller): Budget => {
    const prefix = `WARTA_GRAPHQL_${caller.toUpperCase()}_`
    const entries = Object.entries(KEYS).map(([key, suffix]) => [
      key,
      positiveInteger(prefix + suffix, DEFAULT_BUDGETS[caller][key as keyof Budget], environment),
    ])
    const budget = Object.fromEntries(entries) as Budget
    // Past the ceiling Keystone would refuse at execution anyway.
    budget.maxTake = Math.min(budget.maxTake, TAKE_CEILING)
    return budget
  }
  return { anonymous: read('anonymous'), staff: read('staff') }
}

/** The largest request body the GraphQL endpoint accepts, in bytes. */
export function readBodyLimit(environment: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger('WARTA_GRAPHQL_BODY_LIMIT', DEFAULT_BODY_LIMIT, environment)
}
