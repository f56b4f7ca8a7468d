// What the server does with an error it answers a GraphQL request with: one log line for the
// operator, and for the client nothing of the server's internals. Keystone already turns Prisma
// errors into "Prisma error" and drops stack traces in production; a programming error (a
// TypeError…) would still show its message, so production replaces that too.
import { GraphQLError, type GraphQLFormattedError } from 'graphql'

const PROGRAMMING_ERRORS = ['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError']

export function formatError(isProduction: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : undefined
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR')
    const where = formatted.path?.join('.') ?? '(request)'
    const detail = (original?.message ?? formatted.message).replace(/\s+/g, ' ').slice(0, 500)
    console.error(`GraphQL error ${code} at ${where}: ${detail}`)
    if (isProduction && original && PROGRAMMING_ERRORS.includes(original.name)) {
      return { ...formatted, message: 'Internal server error' }
    }
    return formatted
  }
}
