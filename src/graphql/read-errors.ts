// A read that the database cannot answer is not "a refused change": every list read (the
// fields guard-filters.ts wraps, and the Query type's own fields) turns a database error into a
// sentence about the request. The original goes to the log, never to the client.
import { isDatabaseError } from '../db/conflicts'
import { refusal } from '../refusals'
import { graphqlRuntime } from './runtime'

const { GraphQLError } = graphqlRuntime

/** The database error inside `error`: itself, or the original of Keystone's KS_PRISMA_ERROR. */
function databaseError(error: unknown): unknown {
  if (isDatabaseError(error)) return error
  const e = error as { extensions?: { code?: unknown }; originalError?: unknown } | null
  if (e?.extensions?.code === 'KS_PRISMA_ERROR') return e.originalError ?? error
  return undefined
}

/**
 * The error a read resolver should throw instead of `error`: `error` itself unless the
 * database raised it; then BAD_USER_INPUT (400) for an input Prisma refused to run, else
 * READ_FAILED ("could not answer … try again").
 */
export function readError(error: unknown): unknown {
  const cause = databaseError(error)
  if (cause === undefined) return error
  const stack = (cause as Error | null)?.stack ?? String(cause)
  console.error(`Hidden from the client (a read): ${stack}`)
  const name = String((cause as { name?: unknown } | null)?.name ?? '')
  if (name === 'PrismaClientValidationError') {
    return refusal(
      'badInput',
      'This request cannot be answered: one of its arguments has a value the filter cannot take.',
      400
    )
  }
  return new GraphQLError(
    'The newsroom database could not answer this request. Nothing was changed: try again in a moment.',
    { extensions: { code: 'READ_FAILED' } }
  )
}
