// Every environment variable Warta reads, in one place (the configuration table in docs/operations.md).

export const isProduction = process.env.NODE_ENV === 'production'

export const SESSION_SECRET_MIN_LENGTH = 32

export const env = {
  /** Bind address; loopback unless told otherwise. */
  host: process.env.HOST || '127.0.0.1',
  port: Number.parseInt(process.env.PORT || '3000', 10),
  sessionSecret: process.env.SESSION_SECRET,
  /** Session lifetime in seconds (default: 8 hours, a working shift). */
  sessionMaxAge: Number.parseInt(process.env.SESSION_MAX_AGE || String(8 * 60 * 60), 10),
  devPassword: process.env.WARTA_DEV_PASSWORD || 'warta-dev-password',
  /** Send the session cookie over HTTPS only (default: in production). */
  cookieSecure: process.env.SESSION_COOKIE_SECURE
    ? process.env.SESSION_COOKIE_SECURE === 'true'
    : isProduction,
  /** Count SQL statements and serve the count at /__warta/sql (benchmarks only: src/db/sql-count.ts). */
  sqlCount: process.env.WARTA_SQL_COUNT === '1',
  /** Which proxies' X-Forwarded-For to believe, in Express's `trust proxy` terms (default: none). */
  trustProxy: process.env.TRUST_PROXY || '',
  /** Sign-in throttling (docs/accounts.md). */
  signIn: {
    accountFailures: positive(process.env.SIGN_IN_ACCOUNT_FAILURES, 5),
    lockMinutes: positive(process.env.SIGN_IN_LOCK_MINUTES, 1),
    maxLockMinutes: positive(process.env.SIGN_IN_MAX_LOCK_MINUTES, 24 * 60),
    addressFailures: positive(process.env.SIGN_IN_ADDRESS_FAILURES, 20),
    addressWindowMinutes: positive(process.env.SIGN_IN_ADDRESS_WINDOW_MINUTES, 15),
  },
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value)
  return value && Number.isFinite(n) && n > 0 ? n : fallback
}

/** Production refuses to start rather than sign cookies with a weak or random secret. */
export function productionProblems(): string[] {
  if (!isProduction) return []
  const problems: string[] = []
  if (!env.sessionSecret || env.sessionSecret.length < SESSION_SECRET_MIN_LENGTH) {
    problems.push(
      `SESSION_SECRET must be set to at least ${SESSION_SECRET_MIN_LENGTH} characters in production`
    )
  }
  return problems
}
