// The one rule for a link's address in a story body, shared by the staff API's body check
// (./body-rules.ts) and the Content API's HTML renderer (src/content/html.ts). Pure.
//
// Browsers are forgiving in ways a check must not be: they read "/\evil.example/p" and
// "//evil.example/p" as addresses on another site, treat "\" as "/" in http(s) URLs, and drop
// tabs and line breaks from the middle of an address ("java\tscript:"). So an address with a
// backslash, whitespace or an invisible character is refused outright rather than interpreted.
import { characterProblem } from './text-rules'

/** The schemes a reader's link may use; anything else (javascript:, data:, …) is refused. */
const SCHEMES = ['http:', 'https:', 'mailto:']
/** Backslash, any whitespace (Unicode spaces included) and C0/C1 controls. */
const UNSAFE = /[\\\s\u0000-\u001f\u007f-\u009f]/u

/**
 * Why `href` cannot be a body link's address, or null when it can: an absolute http(s) URL
 * with a host, a mailto address, or a path on this site ("/berita/1", never "//x" or "/\x").
 * The message completes "the link's address …".
 */
export function linkHrefProblem(href: string): string | null {
  if (UNSAFE.test(href)) return 'must not contain backslashes, spaces or control characters'
  const characters = characterProblem(href, 'single')
  if (characters) return characters
  if (href.startsWith('/')) {
    // "//host" and "/\host" are another site to a browser, not a path here.
    return href.startsWith('//') ? 'must not start with "//" (another site to a browser)' : null
  }
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return 'must be an http(s) or mailto address, or a path on this site'
  }
  if (!SCHEMES.includes(url.protocol)) {
    return 'must be an http(s) or mailto address, or a path on this site'
  }
  if (url.protocol !== 'mailto:' && (url.hostname === '' || !href.includes('://'))) {
    return 'must be a full address such as https://example.com/page'
  }
  return null
}

/** True when `href` may be a body link's address (linkHrefProblem finds nothing). */
export const isLinkable = (href: string): boolean => linkHrefProblem(href) === null
