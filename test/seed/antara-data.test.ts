import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import {
  antaraStory,
  organizations,
  people,
  places,
  type SeedOrganization,
  type SeedPerson,
  type SeedPlace,
} from '../../src/seed/antara'
import { contentModelFile, seedFile } from '../helpers/paths'
import { parseAntaraWire, readAntaraWireFile } from '../helpers/seed-file'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

function bySlug<T extends { slug: string }>(pool: T[], slug: string): T {
  const item = pool.find(entry => entry.slug === slug)
  if (!item) throw new Error(`no entry with slug ${JSON.stringify(slug)}`)
  return item
}
const place = (slug: string): SeedPlace => bySlug(places, slug)
const organization = (slug: string): SeedOrganization => bySlug(organizations, slug)
const person = (slug: string): SeedPerson => bySlug(people, slug)

describe('parseAntaraWire (on a sample story of its own)', () => {
  const sample = [
    'Jakarta (ANTARA) - Paragraf pertama\u00a0dengan spasi tak-putus.',
    '',
    'Paragraf kedua.',
    '',
    'Baca juga: Judul bacaan sisipan',
    '',
    'Paragraf ketiga, dipecah',
    'di dua baris.',
    '',
    'Sumber: Reuters',
    '',
    'Baca juga: Judul bacaan akhir?',
    '',
    'Pewarta: Andi Wijaya, Budi Santoso',
    'Editor: Citra Lestari',
    'COPYRIGHT © ANTARA 2024',
  ].join('\n')

  it('splits the dateline and agency off paragraph 1 and keeps the text byte for byte', () => {
    const parsed = parseAntaraWire(sample)
    expect(parsed.dateline).toBe('Jakarta')
    expect(parsed.agency).toBe('ANTARA')
    expect(parsed.paragraphs).toEqual([
      'Paragraf pertama\u00a0dengan spasi tak-putus.',
      'Paragraf kedua.',
      'Paragraf ketiga, dipecah di dua baris.',
    ])
  })

  it('records read-also lines with their placement, not as paragraphs', () => {
    expect(parseAntaraWire(sample).readAlso).toEqual([
      { label: 'Judul bacaan sisipan', afterParagraph: 2 },
      { label: 'Judul bacaan akhir?', afterParagraph: 'end' },
    ])
  })

  it('reads the footer fields', () => {
    const parsed = parseAntaraWire(sample)
    expect(parsed.source).toBe('Reuters')
    expect(parsed.reporters).toEqual(['Andi Wijaya', 'Budi Santoso'])
    expect(parsed.editors).toEqual(['Citra Lestari'])
    expect(parsed.copyright).toBe('COPYRIGHT © ANTARA 2024')
  })

  it('accepts CRLF line ends and a byte-order mark', () => {
    expect(parseAntaraWire(`\uFEFF${sample.replaceAll('\n', '\r\n')}`)).toEqual(
      parseAntaraWire(sample)
    )
  })

  it('splits multi-name bylines written with "/" or "dan"', () => {
    const text = sample.replace('Pewarta: Andi Wijaya, Budi Santoso', 'Pewarta: Andi/Budi dan Dani')
    expect(parseAntaraWire(text).reporters).toEqual(['Andi', 'Budi', 'Dani'])
  })

  it('rejects malformed stories', () => {
    expect(() => parseAntaraWire(sample.replace('Jakarta (ANTARA) - ', ''))).toThrow(/prefix/)
    expect(() => parseAntaraWire(`${sample}\n\nTeks setelah footer.`)).toThrow(/after the footer/)
    expect(() => parseAntaraWire(`Baca juga: X\n\n${sample}`)).toThrow(/before any paragraph/)
    expect(() => parseAntaraWire(sample.replace('Sumber: Reuters', ''))).toThrow(/Sumber/)
    expect(() => parseAntaraWire(sample.replace('Editor: Citra Lestari\n', ''))).toThrow(/Editor/)
    expect(() => parseAntaraWire(`${sample}\nEditor: Lagi`)).toThrow(/second "Editor"/)
  })
})

describe('antaraStory matches the seed file', () => {
  const parsed = readAntaraWireFile(seedFile)

  it('has the 11 paragraphs of the seed file', () => {
    expect(parsed.paragraphs).toHaveLength(11)
    expect(antaraStory.paragraphs).toHaveLength(parsed.paragraphs.length)
  })

  it.each(parsed.paragraphs.map((text, index) => [index + 1, text] as const))(
    'paragraph %i is verbatim',
    (number, text) => {
      expect(antaraStory.paragraphs[number - 1]).toBe(text)
    }
  )

  it('keeps "para Rabu pagi" in paragraph 8 as printed', () => {
    expect(antaraStory.paragraphs[7]).toContain('Kishida para Rabu pagi,')
  })

  it('has the printed dateline, and its place is the city in the printed country', () => {
    expect(antaraStory.dateline).toBe(parsed.dateline)
    const city = place(antaraStory.datelinePlace)
    expect(city.kind).toBe('city')
    expect(`${city.name}, ${place(city.parent ?? '').name}`).toBe(parsed.dateline)
  })

  it('credits the agency in the dateline tag as publisher and copyright holder', () => {
    const holder = organization(antaraStory.copyrightHolder)
    expect(holder.name).toBe(parsed.agency)
    expect(holder.kind).toBe('news_agency')
    expect(parsed.copyright).toContain(parsed.agency)
  })

  it('has the read-also lines with their placements', () => {
    const links = [...antaraStory.relatedLinks].sort((a, b) => a.position - b.position)
    expect(links.map(link => link.position)).toEqual(links.map((_, index) => index + 1))
    expect(
      links.map(link => ({
        label: link.label,
        afterParagraph: link.placement === 'end' ? 'end' : link.afterParagraph,
      }))
    ).toEqual(parsed.readAlso)
    for (const link of links) {
      if (link.placement === 'end') expect(link.afterParagraph).toBeUndefined()
    }
  })

  it('has the printed source credit', () => {
    expect(antaraStory.sourceCredit).toBe(parsed.source)
    expect(antaraStory.sources.length).toBeGreaterThan(0)
  })

  it('has the printed authors (Pewarta) and editors', () => {
    expect(antaraStory.authors.map(slug => person(slug).name)).toEqual(parsed.reporters)
    expect(antaraStory.editors.map(slug => person(slug).name)).toEqual(parsed.editors)
  })

  it('has the printed copyright notice', () => {
    expect(antaraStory.copyrightNotice).toBe(parsed.copyright)
  })

  it('dates the story to the printed day, Rabu (12/7), in the copyright year', () => {
    const [year, month, day] = antaraStory.storyDate.split('-').map(Number)
    expect(parsed.copyright).toMatch(new RegExp(`\\b${year}$`))
    expect(parsed.paragraphs[0]).toContain(`Rabu (${day}/${month})`)
    // Rabu is Wednesday.
    expect(new Date(`${antaraStory.storyDate}T00:00:00Z`).getUTCDay()).toBe(3)
  })

  it('publishes on the story date without inventing a time of day', () => {
    expect(antaraStory.publishedAt).toBe(`${antaraStory.storyDate}T00:00:00.000Z`)
    expect(new Date(antaraStory.publishedAt).toISOString()).toBe(antaraStory.publishedAt)
    expect(antaraStory.publicationNote).toMatch(/time of day/)
  })

  it('has a slug made from the headline, and the original URL ends with it', () => {
    const fromHeadline = antaraStory.headline
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
    expect(antaraStory.slug).toBe(fromHeadline)
    expect(antaraStory.originalUrl).toMatch(/^https:\/\//)
    expect(new URL(antaraStory.originalUrl).pathname.endsWith(`/${antaraStory.slug}`)).toBe(true)
  })

  it('mentions only people, organizations and places that the text names', () => {
    const text = [parsed.dateline, ...parsed.paragraphs].join('\n')
    for (const slug of antaraStory.people) expect(text).toContain(person(slug).name)
    for (const slug of antaraStory.places) expect(text).toContain(place(slug).name)
    for (const slug of antaraStory.organizations) {
      const org = organization(slug)
      expect([org.name, org.shortName].some(name => name && text.includes(name))).toBe(true)
    }
  })

  it('keeps credits (sources, copyright holder) apart from mentions', () => {
    for (const slug of [...antaraStory.sources, antaraStory.copyrightHolder]) {
      expect(antaraStory.organizations).not.toContain(slug)
    }
  })
})

describe('seed pools', () => {
  const pools = { places, organizations, people } as const

  it.each(Object.entries(pools))('%s: slugs are unique, valid and at most 100 chars', (_, pool) => {
    const slugs = pool.map(entry => entry.slug)
    expect(new Set(slugs).size).toBe(slugs.length)
    for (const slug of slugs) {
      expect(slug).toMatch(SLUG)
      expect(slug.length).toBeLessThanOrEqual(100)
    }
  })

  it('the article slug is valid', () => {
    expect(antaraStory.slug).toMatch(SLUG)
    expect(antaraStory.slug.length).toBeLessThanOrEqual(100)
  })

  it('every slug the story references exists in its pool', () => {
    for (const slug of [...antaraStory.authors, ...antaraStory.editors, ...antaraStory.people]) {
      expect(() => person(slug)).not.toThrow()
    }
    for (const slug of [
      ...antaraStory.organizations,
      ...antaraStory.sources,
      antaraStory.copyrightHolder,
    ]) {
      expect(() => organization(slug)).not.toThrow()
    }
    for (const slug of [...antaraStory.places, antaraStory.datelinePlace]) {
      expect(() => place(slug)).not.toThrow()
    }
  })

  it('story reference lists have no duplicates', () => {
    const lists = [
      antaraStory.authors,
      antaraStory.editors,
      antaraStory.people,
      antaraStory.organizations,
      antaraStory.sources,
      antaraStory.places,
    ]
    for (const list of lists) expect(new Set(list).size).toBe(list.length)
  })

  it('every affiliation, membership and parent exists, with no self-references or cycles', () => {
    for (const p of people) {
      for (const slug of p.affiliations) expect(() => organization(slug)).not.toThrow()
    }
    for (const org of organizations) {
      for (const slug of org.memberOf ?? []) {
        expect(slug).not.toBe(org.slug)
        expect(() => organization(slug)).not.toThrow()
      }
    }
    for (const start of places) {
      const seen = new Set([start.slug])
      for (let p = start; p.parent !== undefined; p = place(p.parent)) {
        expect(seen.has(p.parent)).toBe(false)
        seen.add(p.parent)
      }
    }
  })

  it('ANTARA and Kyodo News are members (not children) of OANA', () => {
    expect(organization('antara').memberOf).toContain('oana')
    expect(organization('kyodo-news').memberOf).toContain('oana')
    expect(organization('oana').kind).toBe('news_agency_association')
  })

  it('the staff accounts link to the byline people', () => {
    expect(people.filter(p => p.staffAccount === 'reporter').map(p => p.slug)).toEqual(
      antaraStory.authors
    )
    expect(people.filter(p => p.staffAccount === 'editor').map(p => p.slug)).toEqual(
      antaraStory.editors
    )
  })

  it('country codes are ISO 3166-1 alpha-2, cities share their country code', () => {
    for (const p of places) {
      if (p.kind === 'country' || p.kind === 'city') expect(p.countryCode).toMatch(/^[A-Z]{2}$/)
      else expect(p.countryCode).toBeUndefined()
      if (p.kind === 'city') {
        const country = place(p.parent ?? '')
        expect(country.kind).toBe('country')
        expect(country.countryCode).toBe(p.countryCode)
      }
    }
  })

  it('every place printed in content-model.md is in the pool', () => {
    const doc = readFileSync(contentModelFile, 'utf8')
    const bullet = doc.match(
      /^- Places \(Indonesian as printed\):([\s\S]*?)(?=^- |^#|$(?![\s\S]))/m
    )
    expect(bullet, 'Places bullet in content-model.md').not.toBeNull()
    const names = (bullet?.[1] ?? '').replace(/\s+/g, ' ').trim().replace(/\.$/, '').split(', ')
    expect(names).toHaveLength(17)
    const poolNames = places.map(p => p.name)
    for (const name of names) expect(poolNames).toContain(name)
    const storyNames = antaraStory.places.map(slug => place(slug).name)
    for (const name of names) expect(storyNames).toContain(name)
  })
})
