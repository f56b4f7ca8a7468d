// The codes a refused request carries (`extensions.code`), for refusals that are the caller's
// problem: clients branch on the code, people read the message. Listed in docs/newsroom.md.
import { graphqlRuntime } from './graphql/runtime'

export const REFUSAL_CODES = {
  /** Not signed in. */
  unauthenticated: 'UNAUTHENTICATED',
  /** Signed in, but this role may not do this (to this item). */
  forbidden: 'FORBIDDEN',
  /** No such item, or one the caller may not see (the two are not told apart). */
  notFound: 'NOT_FOUND',
  /** The input is invalid, or the item's state does not allow the action. */
  badInput: 'BAD_USER_INPUT',
  /** The version the caller loaded is no longer current: reload and try again. */
  stale: 'STALE_VERSION',
} as const

export type RefusalKind = keyof typeof REFUSAL_CODES

/**
 * The error to throw for a refusal: a GraphQLError of Keystone's graphql instance with the
 * kind's code and `message` (the newsroom's words, shown to the client as they are). With
 * `httpStatus` (e.g. 400 for a request that cannot be answered at all), Apollo answers with it.
 */
export function refusal(kind: RefusalKind, message: string, httpStatus?: number): Error {
  const code = REFUSAL_CODES[kind]
  const http = httpStatus ? { http: { status: httpStatus } } : {}
  return new graphqlRuntime.GraphQLError(message, { extensions: { code, ...http } })
}
