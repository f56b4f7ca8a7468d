// An e-mail address is an account's identity: one spelling is stored, looked up and throttled
// by, and addresses that only look like another (a zero-width space, a full-width letter, a
// combining accent) are refused rather than becoming a second account.

/**
 * The one spelling of an e-mail address Warta stores, looks up and throttles by: NFKC (so the
 * full-width "ｅditor@warta.test" is "editor@warta.test"), then lowercased and trimmed, so
 * `Editor@Warta.test` and `editor@warta.test` are one identity. (The local part may be
 * case-sensitive by RFC 5321, but no mail system a newsroom uses treats it so, and two
 * accounts that differ only in case are a mistake or an impersonation.)
 */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').toLowerCase().trim()
}

/** RFC 5322 dot-atom local part: the unquoted form every real mailbox uses. */
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
/** A DNS label: letters, digits and inner hyphens (an IDN in its xn-- form). */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
/** Whitespace, controls, format characters (zero-width, bidi) and separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}]/u

/**
 * Why `email` (as typed) cannot be an account's address, or null when it can. Outer spaces are
 * forgiven (trimmed); any other space, control or invisible format character is refused, as is
 * an address that after normalizeEmail is not plain ASCII (a combining accent or a look-alike
 * letter from another script: internationalised mailboxes are the homograph route, and a
 * newsroom's staff addresses are ASCII; an internationalised domain goes in its xn-- form) or is
 * not a plausible address (one @, a dot-atom local part of at most 64 characters, a domain of
 * two or more DNS labels, at most 254 characters in all: RFC 5321).
 */
export function emailProblem(email: string): string | null {
  if (INVISIBLE.test(email.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ''))) {
    return 'must not contain spaces, invisible or control characters'
  }
  const address = normalizeEmail(email)
  if (/[^\x21-\x7e]/.test(address)) {
    return 'must be written in plain ASCII letters (no accents or look-alike letters; an internationalised domain in its xn-- form)'
  }
  const at = address.lastIndexOf('@')
  const local = address.slice(0, at)
  const labels = address.slice(at + 1).split('.')
  const plausible =
    at > 0 &&
    address.length <= 254 &&
    local.length <= 64 &&
    LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every(label => LABEL.test(label)) &&
    /^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/.test(labels[labels.length - 1]!)
  return plausible ? null : 'must be an email address such as name@example.com'
}
