// Pure character rules for text input, shared by the list fields (text-limits.ts), the workflow
// actions' notes and reasons, and the body document's text. No Keystone imports here.

/** C0 controls (NUL included), DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
/** The same, except tab and line feed, which a multi-line text may hold. */
const CONTROL_EXCEPT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** Line and paragraph separators: a line break to readers, though not a control character. */
const LINE_SEPARATOR = /[\u2028\u2029]/
/**
 * Invisible format characters (Unicode category Cf: bidirectional overrides, isolates and marks,
 * zero-width space, BOM, tag characters…) and the invisible Hangul fillers. ZWNJ U+200C and
 * ZWJ U+200D are kept: Indic and Persian spelling and emoji sequences need them. The soft hyphen
 * U+00AD is refused here and kept in multi-line text (see formatProblem).
 */
const INVISIBLE = /(?![\u200c\u200d])[\p{Cf}\u115f\u1160\u3164\uffa0]/u
/** An emoji subdivision flag (🏴 + tag letters + cancel tag): the one real use of tag characters. */
const EMOJI_TAG_SEQUENCE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu

export type TextKind = 'single' | 'multi'

/**
 * Why `value` is not acceptable text of this kind, or null when it is. Single-line text refuses
 * every control character (line breaks included) and U+2028/U+2029; multi-line text allows
 * `\n` and `\t` (a `\r\n` pair must be normalised by the caller: see normaliseNewlines). Both
 * refuse lone UTF-16 surrogates, which no encoding can store or print, and invisible format
 * characters (formatProblem).
 */
export function characterProblem(value: string, kind: TextKind): string | null {
  if (LONE_SURROGATE.test(value)) return 'must not contain a lone surrogate (broken Unicode)'
  const format = formatProblem(value, kind)
  if (format) return format
  if (kind === 'single') {
    if (/[\n\r\u2028\u2029]/.test(value)) return 'must be a single line (no line breaks)'
    if (CONTROL.test(value)) return 'must not contain control characters (such as NUL)'
  } else if (CONTROL_EXCEPT_TAB_LF.test(value) || LINE_SEPARATOR.test(value)) {
    return 'must not contain control characters (such as NUL); only line breaks and tabs'
  }
  return null
}

/**
 * Why `value` holds an invisible format character, or null. Bidirectional controls can make
 * "Tag x\u202Ey" or a kill notice read backwards ("gnp.exe" shown as "exe.png"), and zero-width
 * characters make look-alike names; neither has a place in a newsroom's text. The soft hyphen
 * (a line-break hint with no use in a one-line name, where it only hides a difference) is
 * allowed in multi-line text, where it does hyphenate long words.
 */
export function formatProblem(value: string, kind: TextKind): string | null {
  const text = value.replace(EMOJI_TAG_SEQUENCE, '')
  const found = INVISIBLE.exec(kind === 'multi' ? text.replace(/\u00ad/g, '') : text)
  if (!found) return null
  const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
  return `must not contain invisible formatting characters such as bidirectional overrides or zero-width spaces (found U+${code})`
}

/** Windows and old Mac line ends as `\n`, so pasted text is not refused for its `\r`. */
export function normaliseNewlines(value: string): string {
  return value.replace(/\r\n?/g, '\n')
}

/**
 * Why `value` is not acceptable for a text of this kind and length, or null. `label` names it
 * in the message (an action argument such as "reason"); lengths are in UTF-16 code units, as
 * Keystone's own length check counts them.
 */
export function textProblem(
  label: string,
  value: string,
  kind: TextKind,
  max: number
): string | null {
  if (value.length > max) return `${label} must be at most ${max} characters`
  const problem = characterProblem(value, kind)
  return problem && `${label} ${problem}`
}
