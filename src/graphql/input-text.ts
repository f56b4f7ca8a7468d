// Text no field may hold is refused at the door, for every argument (filters and unique wheres
// included): NUL, which PostgreSQL cannot store or compare (its error would reach the client as
// an internal one), and lone UTF-16 surrogates, which no encoding can carry. The fields' own
// rules (src/fields/text-rules.ts) then name the field for the rest.
import { Kind, visit, type DocumentNode } from 'graphql/index.js'

const BROKEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Whether `text` holds NUL or a lone surrogate. */
export const isBrokenText = (text: string) => BROKEN.test(text)

/**
 * The path ("data.dateline") of the first string in `value` (a variable's value) holding NUL or
 * a lone surrogate, or null. Iterative; keys are checked as well as values.
 */
export function brokenTextPath(value: unknown, name: string): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: name }]
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!
    if (typeof current === 'string') {
      if (isBrokenText(current)) return path
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push({ value: item, path: `${path}.${i}` }))
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, inner] of Object.entries(current)) {
        if (isBrokenText(key)) return path
        stack.push({ value: inner, path: `${path}.${key}` })
      }
    }
  }
  return null
}

/** Whether a string literal in the query text holds NUL or a lone surrogate. */
export function hasBrokenLiteral(document: DocumentNode): boolean {
  let broken = false
  visit(document, {
    [Kind.STRING](node) {
      if (isBrokenText(node.value)) broken = true
    },
  })
  return broken
}

/** The message for a refused text, naming where it was. */
export const brokenTextMessage = (where: string) =>
  `${where} must not contain NUL characters or broken Unicode (lone surrogates)`
