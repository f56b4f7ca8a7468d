/**
 * The one spelling of an e-mail address Warta stores, looks up and throttles by: trimmed and
 * lowercased, so `Editor@Warta.test` and `editor@warta.test` are one identity. (The local part
 * may be case-sensitive by RFC 5321, but no mail system a newsroom uses treats it so, and two
 * accounts that differ only in case are a mistake or an impersonation.)
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}
