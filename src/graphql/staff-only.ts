// Keystone's /api/graphql is the staff API (issue 13, point 3): a caller without a signed-in,
// active session may sign in and ask who it is, nothing else. Readers use the Content API
// (/api/content/graphql, src/content/http.ts). The access rules refuse anonymous callers too
// (src/access/rules.ts); this plugin refuses them before validation and execution, so that an
// anonymous caller learns nothing of the staff schema (not even graphql-js's "Did you mean …"
// suggestions) and no resolver runs.
import type { ApolloServerPlugin } from '@apollo/server'
import { GraphQLError, Kind, type DocumentNode, type SelectionSetNode } from 'graphql'
import { isSignedIn } from '../access/rules'
import type { Session } from '../access/session'

/**
 * The root fields an anonymous caller may use, by operation type: Keystone's sign-in page sends
 * `authenticateUserWithPassword`, its navigation `authenticatedItem` and `endSession`
 * (@keystone-6/auth's SigninPage and Navigation). Keystone's Admin UI shell also asks
 * `keystone { adminMeta }` on every page and again after a sign-in attempt; Keystone answers
 * `adminMeta` only to signed-in staff (`ui.isAccessAllowed`: an "Access denied" error), so
 * `keystone` is let through to it: refused here with a 401, the sign-in page lost the failed
 * attempt's message. Introspection (`__schema`, `__type`) is staff-only: it lists every list and
 * field of the newsroom.
 */
export const ANONYMOUS_ROOT_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  query: new Set(['authenticatedItem', 'keystone', '__typename']),
  mutation: new Set(['authenticateUserWithPassword', 'endSession', '__typename']),
}

export const SIGN_IN_FIRST =
  'Sign in first: this is the staff API. Published stories are at /api/content/graphql.'

/** The refusal: UNAUTHENTICATED, HTTP 401, before anything ran. */
export function unauthenticated(): GraphQLError {
  return new GraphQLError(SIGN_IN_FIRST, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  })
}

export const NOT_VALID =
  'This request is not valid for the staff API. Sign in to read its schema; published stories are at /api/content/graphql.'

/**
 * The answer to an anonymous caller's invalid document in place of graphql-js's own errors,
 * which name the schema's types and fields ("Did you mean \"password\"?").
 */
export function notValid(): GraphQLError {
  return new GraphQLError(NOT_VALID, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  })
}

/**
 * The root field names every operation of `document` selects, by operation type, following
 * fragment spreads and inline fragments at the root (directives such as @skip are not
 * evaluated: a field that might run counts). The document need not be valid yet: unknown
 * fragments are skipped, cycles are followed once.
 */
export function rootFields(document: DocumentNode): { type: string; name: string }[] {
  const fragments = new Map<string, SelectionSetNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition.selectionSet)
  }
  const found: { type: string; name: string }[] = []
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    const type = definition.operation
    const seen = new Set<string>()
    const pending: SelectionSetNode[] = [definition.selectionSet]
    while (pending.length > 0) {
      for (const selection of pending.pop()!.selections) {
        if (selection.kind === Kind.FIELD) found.push({ type, name: selection.name.value })
        else if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(selection.selectionSet)
        else if (!seen.has(selection.name.value)) {
          seen.add(selection.name.value)
          const fragment = fragments.get(selection.name.value)
          if (fragment) pending.push(fragment)
        }
      }
    }
  }
  return found
}

/** Whether an anonymous caller may send `document`: every root field of every operation listed. */
export function anonymousMaySend(document: DocumentNode): boolean {
  const fields = rootFields(document)
  return fields.every(({ type, name }) => ANONYMOUS_ROOT_FIELDS[type]?.has(name) === true)
}

type Contextual = { contextValue: { session?: unknown }; document?: DocumentNode }

/** Whether the request may go on: a signed-in, active session, or only allowed root fields. */
function mayGoOn({ contextValue, document }: Contextual): boolean {
  if (isSignedIn({ session: contextValue.session as Session | undefined })) return true
  return document !== undefined && anonymousMaySend(document)
}

/**
 * The Apollo plugin (keystone.ts, first of `graphql.apolloConfig.plugins`), for GET and POST,
 * queries and mutations alike. Apollo answers an error thrown before validation as a 500, so the
 * refusal is given in two places: a document that fails validation has its errors replaced by
 * the refusal (no "Did you mean …" reaches an anonymous caller), and every other one, cached
 * documents included (Apollo's document store and persisted queries skip parsing and
 * validation), is refused once its operation is resolved, before execution. Apollo labels an
 * error given in place of validation errors GRAPHQL_VALIDATION_FAILED: willSendResponse puts
 * the refusal's own code back.
 */
export const staffOnly: ApolloServerPlugin<{ session?: unknown }> = {
  async requestDidStart() {
    return {
      async validationDidStart(requestContext) {
        const session = requestContext.contextValue.session as Session | undefined
        if (isSignedIn({ session })) return
        const refusal = mayGoOn(requestContext) ? notValid : unauthenticated
        return async errors => {
          if (errors?.length) (errors as GraphQLError[]).splice(0, errors.length, refusal())
        }
      },
      async didResolveOperation(requestContext) {
        if (!mayGoOn(requestContext)) throw unauthenticated()
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.message === SIGN_IN_FIRST && error.extensions)
            (error.extensions as Record<string, unknown>).code = 'UNAUTHENTICATED'
        }
      },
    }
  },
}
