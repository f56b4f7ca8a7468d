// What a client is told when a request fails, and what the operator is told. Clients get the
// newsroom's own messages (validation, access, stale saves) and, for a refusal by the database,
// a sentence in plain words (src/db/conflicts.ts); never internal text: no Prisma or driver
// message, no JavaScript error (TypeError, RangeError "Maximum call stack size exceeded"…), no
// stack trace, in production and in development alike. The operator gets one log line per error
// with the whole original message.
// graphql/index.js: the copy Keystone's errors are made by (a bare 'graphql' may be another).
import { GraphQLError, type GraphQLFormattedError } from 'graphql/index.js'
import { conflictMessage, isDatabaseError } from './db/conflicts'

export const INTERNAL_MESSAGE = 'Internal server error'
const TOO_DEEP = 'The request is nested too deeply to be read.'

const PROGRAMMING_ERRORS = new Set([
  'TypeError',
  'ReferenceError',
  'RangeError',
  'SyntaxError',
  'EvalError',
  'URIError',
  'AggregateError',
  'InternalError',
])
// Text that only the machinery writes: a plain Error carrying it is not a newsroom message.
const INTERNAL_TEXT =
  /prisma|invalid `|sqlite|maximum call stack|cannot read propert|is not a function|is not defined|is not iterable|ECONNREFUSED|ETIMEDOUT|syntax error at or near|violates .* constraint|\bat .+\.(?:js|ts|mjs):\d+/i

type Debug = { message?: string; stacktrace?: string }

/**
 * A GraphQLError from any copy of graphql (see the import above), including Apollo's subclasses,
 * whose names differ: Apollo's parse failure is named "SyntaxError" like JavaScript's own, and
 * only its GraphQL shape (extensions, locations) tells them apart.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return (
    error instanceof Error &&
    typeof (error as { extensions?: unknown }).extensions === 'object' &&
    'locations' in error
  )
}

/** The error's class name, also when only a stack trace is left of it. */
function nameOf(error: unknown, stack?: string): string {
  const name = (error as { name?: unknown } | null)?.name
  if (typeof name === 'string' && name !== 'Error') return name
  return /^(\w+):/.exec(stack ?? '')?.[1] ?? String(name ?? 'Error')
}

/** What a client may read of a thrown error that is not a GraphQLError. */
export function clientText(error: unknown, stack?: string): string {
  const message = String((error as { message?: unknown } | null)?.message ?? error)
  const name = nameOf(error, stack)
  if (isDatabaseError(error) || name.startsWith('Prisma') || name === 'DriverAdapterError') {
    return conflictMessage(isDatabaseError(error) ? error : { name, message })
  }
  // The parser or the input coercion recursing once per level of a deeply nested request.
  if (name === 'RangeError' && /call stack/i.test(message)) return TOO_DEEP
  if (PROGRAMMING_ERRORS.has(name) || INTERNAL_TEXT.test(message)) return INTERNAL_MESSAGE
  return message
}

/**
 * A Keystone error that gathers the errors of hooks or nested writes ("An error occurred while
 * running …" with `extensions.debug`) quotes each message: the internal ones are replaced.
 */
function withoutInternalQuotes(message: string, debug: readonly Debug[]): string {
  let out = message
  for (const { message: quoted, stacktrace } of debug) {
    if (!quoted) continue
    const safe = clientText({ name: nameOf(undefined, stacktrace), message: quoted }, stacktrace)
    if (safe !== quoted) out = out.split(quoted).join(safe)
  }
  return out
}

function debugOf(error: unknown): Debug[] {
  const debug = (error as GraphQLError | null)?.extensions?.debug
  return Array.isArray(debug) ? (debug as Debug[]) : []
}

/**
 * The error a resolver should throw instead of `error`: the same one when it is fit for
 * clients, else a GraphQLError with the client's words (the original goes to the log).
 */
export function publicError(error: unknown): unknown {
  if (isGraphQLError(error)) {
    const debug = debugOf(error)
    if (debug.length === 0 && !INTERNAL_TEXT.test(error.message)) return error
    const { debug: _hidden, ...extensions } = error.extensions
    const message = INTERNAL_TEXT.test(error.message)
      ? withoutInternalQuotes(error.message, debug)
      : error.message
    const safe = INTERNAL_TEXT.test(message) ? INTERNAL_MESSAGE : message
    if (safe !== error.message) logHidden(error, debug)
    return new GraphQLError(safe, { extensions })
  }
  const text = clientText(error)
  if (text === (error as Error | null)?.message) return error
  logHidden(error)
  const code = isDatabaseError(error) ? 'WRITE_REFUSED' : 'INTERNAL_SERVER_ERROR'
  return new GraphQLError(text, { extensions: { code } })
}

// graphql-js's own words about the request (parse, validation, variable coercion): for clients.
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
])

/**
 * Whether the error is graphql-js's own refusal of the request, wrapping nothing thrown (Apollo
 * wraps a validation error in its own, with graphql-js's as the original).
 */
function isGraphQLsOwn(code: string, error: unknown, original: unknown): boolean {
  if (!REQUEST_CODES.has(code) || !isGraphQLError(error) || debugOf(error).length) return false
  return !original || (isGraphQLError(original) && !original.originalError)
}

function logHidden(error: unknown, debug: readonly Debug[] = []) {
  const stack = (error as Error | null)?.stack ?? String(error)
  const quoted = debug.map(d => `\n  caused by: ${d.stacktrace ?? d.message}`).join('')
  console.error(`Hidden from the client: ${stack}${quoted}`)
}

/**
 * The code for a plain Error a resolver threw (Apollo calls it INTERNAL_SERVER_ERROR): one
 * whose words reach the client is a newsroom refusal of the request (BAD_USER_INPUT), a
 * database's is WRITE_REFUSED; only a hidden one is ours.
 */
function plainErrorCode(error: unknown, original: unknown, message: string): string {
  // Apollo's own refusals of a request (a persisted query whose hash does not match its text)
  // carry a 4xx status and no code: the client's mistake, not ours.
  const status = isGraphQLError(error)
    ? (error.extensions?.http as { status?: number } | undefined)?.status
    : undefined
  if (status !== undefined && status >= 400 && status < 500) return 'BAD_REQUEST'
  if (!original || isGraphQLError(original) || message === INTERNAL_MESSAGE) {
    return 'INTERNAL_SERVER_ERROR'
  }
  return isDatabaseError(original) ? 'WRITE_REFUSED' : 'BAD_USER_INPUT'
}

/**
 * Apollo Server's formatError: the client's words for every error, and one log line. The answer
 * is the same in production and development; the flag stays for keystone.ts's call.
 */
export function formatError(_isProduction: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = isGraphQLError(error) ? error.originalError : error
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR')
    const where = formatted.path?.join('.') ?? '(request)'
    const detail = String((original as Error | undefined)?.message ?? formatted.message)
      .replace(/\s+/g, ' ')
      .slice(0, 500)
    console.error(`GraphQL error ${code} at ${where}: ${detail}`)

    let message = formatted.message
    if (original && !isGraphQLError(original)) message = clientText(original)
    else if (code === 'KS_PRISMA_ERROR') message = conflictMessage(original)
    const debug = [...debugOf(error), ...debugOf(original)]
    if (debug.length > 0) message = withoutInternalQuotes(message, debug)
    if (INTERNAL_TEXT.test(message) && !isGraphQLsOwn(code, error, original)) {
      message = INTERNAL_MESSAGE
    }

    // Stack traces and quoted inner errors are for the log, in development too.
    const {
      debug: _debug,
      exception: _exception,
      stacktrace: _stack,
      ...extensions
    } = formatted.extensions ?? {}
    const safeCode =
      code === 'KS_PRISMA_ERROR'
        ? 'WRITE_REFUSED'
        : code === 'INTERNAL_SERVER_ERROR'
          ? plainErrorCode(error, original, message)
          : code
    return { ...formatted, message, extensions: { ...extensions, code: safeCode } }
  }
}
