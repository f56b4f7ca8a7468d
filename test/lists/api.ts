// GraphQL requests for the data-validity tests, as a signed-in staff member would send them.
import { expect } from 'vitest'
import type { Context } from '../../generated/keystone/types'

export type Result = {
  data?: unknown
  errors?: readonly { message: string }[]
}

/** Runs `query` with `variables` in `ctx` (a session's context) and returns data and errors. */
export async function api(ctx: Context, query: string, variables: Record<string, unknown> = {}) {
  return (await ctx.graphql.raw({ query, variables })) as Result
}

/** The request was refused with a message matching `message`, naming no internals. */
export function expectRefused(result: Result, message: RegExp) {
  expect(result.errors?.length, JSON.stringify(result.data)).toBeGreaterThan(0)
  const text = result.errors!.map(e => e.message).join('\n')
  expect(text).toMatch(message)
  expect(text).not.toMatch(
    /prisma|constraint|sqlite|postgres|call stack|Invalid document structure/i
  )
}

/** The request succeeded; its data. */
export function expectAccepted(result: Result) {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined()
  return result.data as Record<string, unknown>
}
