// The cost of a GraphQL operation: an upper estimate of the values its answer can hold, computed
// by graphql-query-complexity from the document alone (fragments expanded, @skip/@include and
// variables applied), before anything runs.
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLField,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql'
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity'
import { noFigures, noteArguments, type ArgumentFigures } from './argument-limits'
import { TAKE_CEILING } from './budgets'

/**
 * A story document (a document field's `document`, JSON) weighs as much as this many scalars: a
 * body is tens of KB, a 50,000-word long read about 0.4 MiB, where a headline is tens of bytes.
 */
export const DOCUMENT_COST = 250

/** A rich-text document: Keystone's document field serves it as `document: JSON`. */
const isDocument = (field: GraphQLField<unknown, unknown>) =>
  field.name === 'document' && getNamedType(field.type).name === 'JSON'

export type Measured = {
  /** Estimated values in the answer (see `rowsOf`). */
  cost: number
  /** Fields, every fragment spread expanded. */
  fields: number
  /**
   * Database queries the resolvers can run: Keystone resolves each list, count and relationship
   * field with a query per parent row (N+1), so a relationship under 50 rows is 50 queries.
   */
  queries: number
  /**
   * Rows read of lists with a document field (stories): Keystone reads each row whole, its
   * body (up to the request body limit) included, whether the query asks for it or not.
   */
  documents: number
  /** The largest `take` the query states on any field (absolute value, as Keystone compares it). */
  largestTake: number
  /** What the arguments ask of the database (./argument-limits.ts). */
  args: ArgumentFigures
}

/**
 * Rows a list field can return: its `take` (Keystone's default is TAKE_CEILING when absent);
 * for a batch mutation the number of items in its `data` or `where` list; else 1.
 */
function rowsOf(args: Record<string, unknown>): number {
  if ('take' in args) {
    const take = args.take
    return typeof take === 'number' ? Math.abs(take) : TAKE_CEILING
  }
  for (const name of ['data', 'where']) {
    const value = args[name]
    if (Array.isArray(value)) return Math.max(1, value.length)
  }
  return 1
}

/** A field Keystone resolves with a query: a list, item or count field, or a relationship. */
function queriesDatabase(field: GraphQLField<unknown, unknown>): boolean {
  if (field.args.some(arg => arg.name === 'where')) return true
  const named = getNamedType(field.type)
  return isObjectType(named) && 'id' in named.getFields() && !named.name.startsWith('Keystone')
}

/** A field returning rows of a list with a document field (an Article, its body). */
function carriesDocument(field: GraphQLField<unknown, unknown>): boolean {
  const named = getNamedType(field.type)
  if (!isObjectType(named) || named.name.startsWith('Keystone')) return false
  return Object.values(named.getFields()).some(child => {
    const type = getNamedType(child.type)
    return isObjectType(type) && 'document' in type.getFields()
  })
}

/**
 * Measures one operation of a valid document. Throws a GraphQLError when the document expands
 * past `maxNodes` field selections (a fragment bomb) or its variables do not fit.
 */
export function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  {
    variables,
    operationName,
    maxNodes,
  }: { variables?: Record<string, unknown>; operationName?: string; maxNodes: number }
): Measured {
  let largestTake = 0
  const byRows: ComplexityEstimator = ({ field, node, args, childComplexity }) => {
    // Only a `take` the query states is checked against the caller's maximum; the schema's
    // default (TAKE_CEILING) is what Keystone enforces itself, and is counted in the cost.
    const stated = node.arguments?.some(argument => argument.name.value === 'take')
    if (stated && typeof args.take === 'number') {
      largestTake = Math.max(largestTake, Math.abs(args.take))
    }
    const named = getNamedType(field.type)
    const own = isDocument(field) ? DOCUMENT_COST : 1
    const rows = isListType(getNullableType(field.type)) ? rowsOf(args) : 1
    return own + rows * childComplexity
  }
  const args = noFigures()
  const byCount: ComplexityEstimator = ({ args: fieldArgs, childComplexity }) => {
    noteArguments(fieldArgs, args)
    return 1 + childComplexity
  }
  const byQuery: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
    const rows = isListType(getNullableType(field.type)) ? rowsOf(args) : 1
    // A batch mutation writes each of its items with their own queries (and hooks).
    const own = !queriesDatabase(field) ? 0 : type.name === 'Mutation' ? rows : 1
    return own + rows * childComplexity
  }
  const options = { schema, query: document, variables, operationName, maxQueryNodes: maxNodes }
  const cost = getComplexity({ ...options, estimators: [byRows] })
  const fields = getComplexity({ ...options, estimators: [byCount] })
  const queries = getComplexity({ ...options, estimators: [byQuery] })
  // Keystone reads every column of a row it fetches, the body too, asked for or not.
  const byStoryRow: ComplexityEstimator = ({ field, args, childComplexity }) => {
    const rows = isListType(getNullableType(field.type)) ? rowsOf(args) : 1
    return rows * ((carriesDocument(field) ? 1 : 0) + childComplexity)
  }
  const documents = getComplexity({ ...options, estimators: [byStoryRow] })
  return { cost, fields, queries, documents, largestTake, args }
}
