import { describe, expect, it } from 'vitest'
import { isValidSlug, slugCandidate, slugify, SLUG_MAX_LENGTH } from '../../src/fields/slugify'

describe('slugify', () => {
  it.each([
    [
      'Jepang-NATO petakan bidang kerja sama dalam program baru',
      'jepang-nato-petakan-bidang-kerja-sama-dalam-program-baru',
    ],
    ['  Señor Müller’s café!  ', 'senor-muller-s-cafe'],
    ['KTT NATO 2023: Vilnius', 'ktt-nato-2023-vilnius'],
    ['---', ''],
  ])('%j -> %j', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('cuts at a word boundary within the limit', () => {
    const slug = slugify('kata '.repeat(40))
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH)
    expect(slug.endsWith('-')).toBe(false)
    expect(isValidSlug(slug)).toBe(true)
  })

  it('cuts a single overlong word instead of dropping it', () => {
    expect(slugify('a'.repeat(150))).toBe('a'.repeat(SLUG_MAX_LENGTH))
  })

  it('makes numbered candidates that stay valid and within the limit', () => {
    expect(slugCandidate('kishida', 1)).toBe('kishida')
    expect(slugCandidate('kishida', 2)).toBe('kishida-2')
    const long = slugCandidate('a'.repeat(SLUG_MAX_LENGTH), 12)
    expect(long).toHaveLength(SLUG_MAX_LENGTH)
    expect(isValidSlug(long)).toBe(true)
  })

  it.each(['Upper', 'with space', 'double--dash', '-lead', 'trail-', 'ünï', ''])(
    'rejects %j',
    slug => {
      expect(isValidSlug(slug)).toBe(false)
    }
  )
})
