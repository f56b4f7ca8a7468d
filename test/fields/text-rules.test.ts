import { describe, expect, it } from 'vitest'
import { characterProblem, normaliseNewlines, textProblem } from '../../src/fields/text-rules'
import { isRealDate, isRealDateTime } from '../../src/fields/calendar'

describe('single-line text', () => {
  it.each([
    ['NUL', 'Vilnius\u0000'],
    ['a line feed', 'Vilnius\nLithuania'],
    ['a carriage return', 'Vilnius\r'],
    ['a tab', 'Perdana\tMenteri'],
    ['DEL', 'a\u007f'],
    ['a C1 control', 'a\u0085b'],
    ['an escape', '\u001b[31mred'],
    ['a line separator', 'a\u2028b'],
    ['a lone high surrogate', 'a\ud83c'],
    ['a lone low surrogate', '\udf89b'],
    ['reversed surrogates', '\udf89\ud83c'],
  ])('refuses %s', (_, value) => {
    expect(characterProblem(value, 'single')).not.toBeNull()
  })

  it.each(['Đà Nẵng', 'Perdana Menteri Jepang', '東京', '🎉 ok', 'Señor “quoted” – dash'])(
    'accepts %j',
    value => expect(characterProblem(value, 'single')).toBeNull()
  )
})

describe('multi-line text', () => {
  it('allows line feeds and tabs', () => {
    expect(characterProblem('Satu.\n\n\tDua.', 'multi')).toBeNull()
  })

  it.each(['a\u0000b', 'a\rb', 'a\u000bb', 'a\u0085', 'a\ud800', 'a\u2029b'])('refuses %j', value =>
    expect(characterProblem(value, 'multi')).not.toBeNull()
  )

  it('normalises Windows line ends before checking', () => {
    expect(normaliseNewlines('a\r\nb\rc')).toBe('a\nb\nc')
  })
})

describe('textProblem', () => {
  it('names the argument and the limit', () => {
    expect(textProblem('reason', 'x'.repeat(2001), 'multi', 2000)).toBe(
      'reason must be at most 2000 characters'
    )
    expect(textProblem('note', 'a\u0000', 'multi', 2000)).toMatch(/^note must not contain control/)
    expect(textProblem('note', 'fine', 'multi', 2000)).toBeNull()
  })
})

describe('calendar dates', () => {
  it.each([
    '2023-02-30',
    '2023-13-01',
    '2023-02-29',
    '2023-04-31',
    '2023-00-10',
    '2023-1-1',
    '1900-02-29',
    '0100-02-29',
    '2023-07-00',
  ])('refuses the date %j', value => expect(isRealDate(value)).toBe(false))
  it.each(['2024-02-29', '2023-07-12', '2000-02-29', '1999-12-31', '0004-02-29', '2023-01-31'])(
    'accepts %j',
    value => expect(isRealDate(value)).toBe(true)
  )
  it.each([
    '2023-02-30T10:00:00Z',
    '2023-02-29T10:00:00Z',
    '2023-13-01T10:00:00Z',
    '1900-02-29T00:00:00Z',
    '2023-07-12T24:00:00Z',
    '2023-07-12T10:60:00Z',
    '2023-07-12T10:00:60Z',
    '2023-07-12T10:00:00+24:00',
    '2023-07-12',
  ])('refuses the date-time %j', value => expect(isRealDateTime(value)).toBe(false))
  it.each(['2023-07-12T10:00:00Z', '2024-02-29T23:59:59.999+07:00', '2023-07-12T10:00:00-03:30'])(
    'accepts the date-time %j',
    value => expect(isRealDateTime(value)).toBe(true)
  )
})
