// Pure slug rules from the content model: lowercase ASCII words joined by '-', at most 100
// characters. Names in any script are transliterated first ("Đà Nẵng" -> "da-nang",
// "Москва" -> "moskva", "東京" -> "dong-jing") with the `transliteration` package.
import { randomBytes } from 'node:crypto'
import { transliterate } from 'transliteration'

export const SLUG_MAX_LENGTH = 100
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * The slug of `text`: transliterated to ASCII, lowercased, words joined by '-', cut at a word
 * boundary within `maxLength`. Empty when nothing readable is left (emoji, punctuation only).
 */
export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  const words = transliterate(text.normalize('NFC'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // strip accents: "Señor" -> "senor"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > maxLength) break
    slug = next
  }
  // A single word longer than the limit is cut rather than dropped.
  if (!slug && words[0]) slug = words[0].slice(0, maxLength)
  return slug
}

export function isValidSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value)
}

/** `base`, then `base-2`, `base-3`, … trimmed so the suffix still fits. */
export function slugCandidate(base: string, attempt: number): string {
  if (attempt <= 1) return base
  const suffix = `-${attempt}`
  return `${base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`
}

/**
 * A slug for a name with nothing to transliterate (emoji only): the list's name and a short
 * random id, e.g. "tag-k3x9qa7m". Readable, valid, and unlikely to be taken.
 */
export function fallbackSlug(listKey: string): string {
  const id = BigInt(`0x${randomBytes(5).toString('hex')}`)
    .toString(36)
    .padStart(8, '0')
  return `${slugify(listKey) || 'item'}-${id}`
}
