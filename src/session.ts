import { createAuth } from '@keystone-6/auth'
import { statelessSessions } from '@keystone-6/core/session'
import type { SessionStrategy } from '@keystone-6/core/types'
import type { Session } from './access/session'
import { env, SESSION_SECRET_MIN_LENGTH } from './env'

export type { Session }

// @keystone-6/auth re-reads `sessionData` from the database on every request (with sudo), so
// the role a request acts with is the role the account has now, not at sign-in.
export const { withAuth } = createAuth({
  listKey: 'User',
  identityField: 'email',
  secretField: 'password',
  sessionData: 'id name role isActive',
})

// A fixed development secret keeps dev sign-ins alive across `keystone dev` reloads. It is
// never used in production: there a missing or short SESSION_SECRET stops the start
// (productionProblems in src/env.ts).
const DEV_SECRET = 'warta-development-only-session-secret-do-not-deploy'
const secret =
  env.sessionSecret && env.sessionSecret.length >= SESSION_SECRET_MIN_LENGTH
    ? env.sessionSecret
    : DEV_SECRET

export const session = statelessSessions({
  secret,
  maxAge: env.sessionMaxAge,
  secure: env.cookieSecure,
})

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Keystone config
type WithSession = { session?: SessionStrategy<any, any> }

/**
 * Deactivated accounts have no session: their cookies stop working on the next request, and
 * signing in fails exactly like a wrong password (an empty token is auth's failure signal).
 * Wraps the strategy that withAuth made, so it sees the fresh data withAuth reads.
 */
export function withActiveAccountsOnly<C extends WithSession>(config: C): C {
  const strategy = config.session
  if (!strategy) throw new Error('withActiveAccountsOnly needs a session strategy')
  return {
    ...config,
    session: {
      ...strategy,
      async get(args) {
        const current = (await strategy.get(args)) as Session | undefined
        return current?.data?.isActive ? current : undefined
      },
      async start(args) {
        const { itemId } = args.data as { itemId: string }
        const user = await args.context.sudo().db.User?.findOne({ where: { id: itemId } })
        if (!user?.isActive) return ''
        return strategy.start(args)
      },
    },
  }
}
