// The sign-in mutation made hard to guess at: the e-mail is normalised before auth looks it up,
// every attempt passes the throttle (./throttle.ts) before its password is evaluated, and a
// request may hold one authentication only.
import {
  GraphQLError,
  Kind,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql'
import type { KeystoneContext } from '@keystone-6/core/types'
import { emailProblem, normalizeEmail } from './email'
import { admitSignIn, settleSignIn, throttledMessage } from './throttle'

export const SIGN_IN_FIELD = 'authenticateUserWithPassword'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Keystone context
type Context = KeystoneContext<any>
type SignInArgs = { email: string; password: string }

/** The client's address: the socket's, or the one a trusted proxy forwarded (Express `req.ip`). */
export function clientAddress(context: Context): string | undefined {
  const req = context.req as (Context['req'] & { ip?: string }) | undefined
  return req ? (req.ip ?? req.socket?.remoteAddress ?? 'unknown') : undefined
}

/**
 * Wraps the sign-in mutation's resolver in `schema` (in place: the schema was just built).
 * A throttled attempt is refused without reading the account, so the answer is the same whether
 * it exists or not; the HTTP status is 429 when the sign-in is the whole request.
 */
export function guardSignIn(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getMutationType()?.getFields()[SIGN_IN_FIELD]
  if (!field?.resolve) return schema
  const authenticate = field.resolve as GraphQLFieldResolver<unknown, Context, SignInArgs>
  field.resolve = async (root, args: SignInArgs, context: Context, info) => {
    const email = normalizeEmail(args.email)
    const address = clientAddress(context)
    const admission = await admitSignIn(context.prisma, email, address)
    if (!admission.admitted) {
      const seconds = Math.ceil(admission.retryAfterMs / 1000)
      const whole = info.operation.selectionSet.selections.length === 1
      throw new GraphQLError(throttledMessage(admission.retryAfterMs), {
        extensions: {
          code: 'TOO_MANY_REQUESTS',
          retryAfterSeconds: seconds,
          ...(whole && {
            http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
          }),
        },
      })
    }
    // A look-alike spelling (zero-width space, accent, control) names no account: Keystone's
    // own failure answer, counted like any failed attempt.
    const result = (
      emailProblem(args.email)
        ? { code: 'FAILURE', message: 'Authentication failed.' }
        : await authenticate(root, { ...args, email }, context, info)
    ) as object | null
    const succeeded = Boolean(result && 'sessionToken' in result)
    await settleSignIn(context.prisma, email, address, { succeeded, failures: admission.failures })
    return result
  }
  return schema
}

/** How many sign-in fields the operation selects, through fragments and aliases alike. */
export function countSignIns(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seen = new Set<string>()
): number {
  let count = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === SIGN_IN_FIELD) count++
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countSignIns(selection.selectionSet, fragments, seen)
    } else {
      const name = selection.name.value
      const fragment = fragments[name]
      if (!fragment || seen.has(name)) continue
      seen.add(name)
      count += countSignIns(fragment.selectionSet, fragments, seen)
    }
  }
  return count
}

type RequestContext = {
  operation?: OperationDefinitionNode | null
  document?: { definitions: readonly { kind: string }[] }
}

/**
 * Apollo plugin: a request with more than one sign-in (aliases) is refused before anything in
 * it runs, with HTTP 400; guesses are counted one request at a time.
 */
export const oneSignInPerRequest = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document }: RequestContext) {
        if (!operation || operation.operation !== 'mutation' || !document) return
        const fragments = Object.fromEntries(
          (document.definitions as FragmentDefinitionNode[])
            .filter(definition => definition.kind === Kind.FRAGMENT_DEFINITION)
            .map(fragment => [fragment.name.value, fragment])
        )
        if (countSignIns(operation.selectionSet, fragments) > 1) {
          throw new GraphQLError(`A request may sign in once only (${SIGN_IN_FIELD} once)`, {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          })
        }
      },
    }
  },
}
