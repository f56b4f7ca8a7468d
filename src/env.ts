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
