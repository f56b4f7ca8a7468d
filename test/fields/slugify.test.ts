import { describe, expect, it } from 'vitest'
import {
  fallbackSlug,
  isValidSlug,
  slugCandidate,
  slugify,
  SLUG_MAX_LENGTH,
} from '../../src/fields/slugify'

describe('slugify', () => {
  it.each([
    [
      'Jepang-NATO petakan bidang kerja sama dalam program baru',
      'jepang-nato-petakan-bidang-kerja-sama-dalam-program-baru',
    ],
    ['  Señor Müller’s café!  ', 'senor-muller-s-cafe'],
    ['KTT NATO 2023: Vilnius', 'ktt-nato-2023-vilnius'],
    ['---', ''],
    ['Đà Nẵng', 'da-nang'],
    ['Hồ Chí Minh', 'ho-chi-minh'],
    ['Москва', 'moskva'],
    ['Ελλάδα', 'ellada'],
    ['北京市', 'bei-jing-shi'],
    ['서울', 'seoul'],
    ['İstanbul', 'istanbul'],
    ['Ærø Øresund ß', 'aero-oresund-ss'],
    ['🎉🎉', ''],
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

describe('any script gives a readable ASCII slug', () => {
  it.each(['東京タワー', 'القاهرة', 'กรุงเทพมหานคร', 'Тбилиси', 'ירושלים', 'मुंबई', 'Đà Nẵng'])(
    '%j',
    name => {
      const slug = slugify(name)
      expect(slug).not.toBe('')
      expect(isValidSlug(slug)).toBe(true)
    }
  )

  it('keeps a long non-Latin name within the limit', () => {
    const slug = slugify('東京'.repeat(200))
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH)
    expect(isValidSlug(slug)).toBe(true)
  })

  it('falls back to the list name and a short id when nothing is readable', () => {
    const slug = fallbackSlug('Tag')
    expect(slug).toMatch(/^tag-[a-z0-9]{8}$/)
    expect(isValidSlug(slug)).toBe(true)
    expect(fallbackSlug('Tag')).not.toBe(slug)
  })
})
