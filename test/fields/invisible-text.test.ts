// Invisible format characters (bidi overrides, zero-width spaces, tag characters) are refused in
// text, while the joiners real scripts and emoji need are kept (src/fields/text-rules.ts).
import { describe, expect, it } from 'vitest'
import { characterProblem, textProblem } from '../../src/fields/text-rules'

const INVISIBLE = [
  ['right-to-left override', 'Tag x\u202ey'],
  ['left-to-right embedding', '\u202aabc'],
  ['pop directional formatting', 'abc\u202c'],
  ['left-to-right isolate', 'a\u2066b'],
  ['right-to-left isolate', 'a\u2067b'],
  ['first strong isolate', 'a\u2068b'],
  ['pop directional isolate', 'a\u2069b'],
  ['left-to-right mark', 'a\u200eb'],
  ['right-to-left mark', 'a\u200fb'],
  ['Arabic letter mark', 'a\u061cb'],
  ['zero-width space', 'editor\u200b'],
  ['word joiner', 'a\u2060b'],
  ['byte-order mark', '\ufeffJakarta'],
  ['language tag', 'a\u{E0001}b'],
  ['a lone tag letter', 'a\u{E0041}b'],
  ['Mongolian vowel separator', 'a\u180eb'],
  ['Hangul filler', '\u3164'],
] as const

describe.each(['single', 'multi'] as const)('%s-line text', kind => {
  it.each(INVISIBLE)('refuses a %s', (_, value) => {
    expect(characterProblem(value, kind)).toMatch(/invisible formatting characters .*U\+/)
  })

  it.each([
    ['ZWNJ in Persian', 'می\u200cخواهم'],
    ['ZWJ in Devanagari', 'क्\u200dष'],
    ['a ZWJ emoji sequence', '👩\u200d💻 reporter'],
    ['a subdivision flag', 'Skotlandia 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'],
    ['Arabic', 'جاكرتا'],
  ])('keeps %s', (_, value) => {
    expect(characterProblem(value, kind)).toBeNull()
  })
})

describe('the soft hyphen', () => {
  it('is refused in one-line names, where it only hides a difference', () => {
    expect(characterProblem('Ta\u00adg', 'single')).not.toBeNull()
  })
  it('is kept in paragraphs, where it hyphenates long words', () => {
    expect(characterProblem('Pemberantasan\u00adkorupsi', 'multi')).toBeNull()
  })
})

it('names the field in the message', () => {
  expect(textProblem('reason', 'Retracted \u202egnp.exe', 'multi', 2000)).toMatch(
    /^reason must not contain invisible formatting characters .*U\+202E/
  )
})
