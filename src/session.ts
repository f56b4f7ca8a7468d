import { createAuth } from '@keystone-6/auth'
import { statelessSessions } from '@keystone-6/core/session'
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

/** Server-side sessions, guarded sign-in, their tables, the trusted proxy (src/accounts/config.ts). */
export { withAccountSecurity } from './accounts/config'
