// The SQL page builder (src/public/build.ts) against Keystone itself: for every story, every
// person and the front page of a newsroom with stories in every state, the built answer is
// byte for byte what Keystone answers an anonymous reader, built one at a time or all at once.
import { beforeAll, describe, expect, it } from 'vitest'
import { buildLatest, buildPeople, buildStories } from '../../src/public/build'
import { latest, personPage, storyPage } from '../../src/public/documents'
import { rebuildAll } from '../../src/public/keep'
import { currentEpoch, readPage, storePages } from '../../src/public/read-model'
import { seed } from '../../src/seed/seed'
import { testContext } from '../helpers/context'

const { context, reset } = await testContext()
const DAY = 24 * 60 * 60 * 1000
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString()
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ text }] }]

/** Keystone's answer for an anonymous reader, in Apollo's bytes (without its newline). */
async function keystone(query: string, variables?: Record<string, unknown>) {
  const result = await context.graphql.raw({ query, variables })
  expect(result.errors).toBeUndefined()
  return JSON.stringify({ data: result.data })
}
const bytes = (built: { data: unknown } | undefined) => JSON.stringify({ data: built?.data })

let storySlugs: string[] = []
let personSlugs: string[] = []
/** Refs the full story's page must name. */
let fullRefs: string[] = []

beforeAll(async () => {
  await reset()
  await seed(context, { devAccounts: false })
  const db = context.sudo().db
  const person = (name: string, jobTitle = '') => db.Person.createOne({ data: { name, jobTitle } })
  const [zaki, ayu, budi, cici, prolific, draftOnly, killedOnly] = await Promise.all([
    person('Zaki Zulkarnain', 'Pewarta'),
    person('Ayu Utami', 'Redaktur'),
    person('Budi Santoso', 'Menteri'),
    person('Cici Paramida'),
    person('Dewi Produktif', 'Pewarta senior'),
    person('Hanya Draf'),
    person('Hanya Dibunuh'),
  ])
  const [kyodo, nato] = await Promise.all([
    db.Organization.createOne({ data: { name: 'Kyodo News', shortName: 'Kyodo' } }),
    db.Organization.createOne({ data: { name: 'North Atlantic Treaty Organization' } }),
  ])
  const [vilnius, tokyo] = await Promise.all([
    db.Place.createOne({ data: { name: 'Vilnius' } }),
    db.Place.createOne({ data: { name: 'Tokyo' } }),
  ])
  const tag = await db.Tag.createOne({ data: { name: 'Diplomasi' } })
  const ids = (...items: { id: unknown }[]) => items.map(item => ({ id: String(item.id) }))
  const story = (slug: string, data: Record<string, unknown>) =>
    db.Article.createOne({
      data: { headline: `Cerita ${slug}`, slug, body: paragraph(`Isi ${slug}.`), ...data },
    })

  const target = await story('sasaran-terbit', {
    status: 'published',
    publishedAt: ago(3),
    authors: { connect: ids(ayu) },
  })
  const draft = await story('sasaran-draf', { authors: { connect: ids(draftOnly) } })
  const scheduled = await story('sasaran-terjadwal', {
    status: 'published',
    publishedAt: new Date(Date.now() + DAY).toISOString(),
    authors: { connect: ids(ayu) },
  })
  const killed = await story('sasaran-dibunuh', {
    status: 'killed',
    publishedAt: ago(5),
    killedAt: ago(4),
    killReason: 'Sumber menarik pernyataannya',
    summary: 'Tidak boleh terlihat',
    authors: { connect: ids(zaki) },
    editors: { connect: ids(killedOnly) },
    places: { connect: ids(tokyo) },
  })
  await story('ditarik', { status: 'unpublished', publishedAt: ago(6) })
  await story('dalam-tinjauan', { status: 'in_review', authors: { connect: ids(zaki) } })
  const full = await story('lengkap', {
    summary: 'Ringkasan',
    dateline: 'Vilnius, Lituania',
    datelinePlace: { connect: { id: String(vilnius.id) } },
    storyDate: '2023-07-12',
    status: 'published',
    publishedAt: ago(1),
    publicationNote: 'Hanya tanggal yang diketahui',
    sourceCredit: 'Kyodo-OANA',
    copyrightNotice: '© Kyodo',
    copyrightHolder: { connect: { id: String(kyodo.id) } },
    originalUrl: 'https://example.org/asli',
    // Connected out of slug order: the page lists them by slug.
    authors: { connect: ids(zaki, ayu) },
    editors: { connect: ids(cici) },
    people: { connect: ids(budi, zaki, cici) },
    organizations: { connect: ids(nato, kyodo) },
    places: { connect: ids(tokyo, vilnius) },
    tags: { connect: ids(tag) },
    sources: { connect: ids(kyodo) },
  })
  const link = (position: number, data: Record<string, unknown>) =>
    db.RelatedLink.createOne({
      data: { label: `Baca juga ${position}`, position, article: { connect: { id: String(full.id) } }, ...data }, // prettier-ignore
    })
  await link(4, { targetArticle: { connect: { id: String(target.id) } } })
  await link(2, { targetArticle: { connect: { id: String(draft.id) } } })
  await link(5, { targetArticle: { connect: { id: String(killed.id) } } })
  await link(1, { targetArticle: { connect: { id: String(scheduled.id) } } })
  await link(3, { url: 'https://example.org/lain', placement: 'inline', afterParagraph: 1 })
  await link(6, {})
  for (const [days, note] of [[0.5, 'Nama menteri diperbaiki'], [0.7, 'Jabatan diperjelas']] as const) {
    await db.Correction.createOne({
      data: { article: { connect: { id: String(full.id) } }, note, createdAt: ago(days) },
    })
  } // prettier-ignore
  // More than a person page shows, at distinct times.
  for (let i = 0; i < 23; i++) {
    await story(`produktif-${i}`, {
      status: 'published',
      publishedAt: ago(10 + i * 0.01),
      authors: { connect: ids(prolific) },
    })
  }

  fullRefs = [
    `Article:${full.id}`,
    `Article:${draft.id}`,
    `Article:${scheduled.id}`,
    `Person:${budi.id}`,
    `Place:${vilnius.id}`,
    `Organization:${kyodo.id}`,
    `Tag:${tag.id}`,
  ]
  const all = await db.Article.findMany({})
  storySlugs = [...all.map(a => String(a.slug)), 'tidak-ada']
  const people = await db.Person.findMany({})
  personSlugs = [...people.map(p => String(p.slug)), 'tidak-ada']
}, 120_000)

describe('the SQL page builder gives Keystone’s anonymous answer, byte for byte', () => {
  it('for every story page: published, killed, draft, scheduled, unpublished, missing', async () => {
    const all = await buildStories(context.prisma, storySlugs)
    for (const slug of storySlugs) {
      const expected = await keystone(storyPage, { slug })
      expect(bytes(all.get(slug)), slug).toBe(expected)
      const alone = await buildStories(context.prisma, [slug])
      expect(bytes(alone.get(slug)), slug).toBe(expected)
    }
    // The fixture covers what it claims: a full page, a kill notice, and hidden stories.
    const full = all.get('lengkap')!.data.article as Record<string, unknown[]>
    expect(full.relatedLinks).toHaveLength(6)
    expect(full.corrections).toHaveLength(2)
    expect(all.get('sasaran-dibunuh')!.data.article).toMatchObject({ body: null, authors: null })
    for (const hidden of ['sasaran-draf', 'sasaran-terjadwal', 'ditarik', 'dalam-tinjauan'])
      expect(all.get(hidden)!.data).toEqual({ article: null })
  })

  it('for every person page, and the front page', async () => {
    const all = await buildPeople(context.prisma, personSlugs)
    for (const slug of personSlugs) {
      const expected = await keystone(personPage, { slug })
      expect(bytes(all.get(slug)), slug).toBe(expected)
      expect(bytes((await buildPeople(context.prisma, [slug])).get(slug)), slug).toBe(expected)
    }
    expect((all.get('dewi-produktif')!.data.person as { authored: [] }).authored).toHaveLength(20)
    expect(all.get('hanya-draf')!.data).toEqual({ person: null })
    expect(all.get('hanya-dibunuh')!.data).toEqual({ person: null })
    expect(bytes(await buildLatest(context.prisma))).toBe(await keystone(latest))
  })

  it('names what each page was read from, hidden link targets included', async () => {
    const built = (await buildStories(context.prisma, ['lengkap'])).get('lengkap')!
    for (const ref of fullRefs) expect(built.refs).toContain(ref)
    expect(
      (await buildStories(context.prisma, ['sasaran-draf'])).get('sasaran-draf')!.refs
    ).toEqual([])
  })
})

describe('npm run read-model:rebuild', () => {
  it('keeps every public page exactly as Keystone answers it, and nothing else', async () => {
    const db = context.prisma
    const stale = { key: 'story:lengkap', body: 'stale', refs: ['Article:x'], expiresAt: null }
    await storePages(db, (await currentEpoch(db))!, [stale])
    const kept = await rebuildAll(db)
    const pages = [
      ...storySlugs.map(slug => [`story:${slug}`, storyPage, { slug }] as const),
      ...personSlugs.map(slug => [`person:${slug}`, personPage, { slug }] as const),
      ['latest', latest, undefined] as const,
    ]
    let shown = 0
    for (const [key, document, variables] of pages) {
      const expected = await keystone(document, variables)
      const empty = Object.values(JSON.parse(expected).data)[0] === null
      expect(await readPage(db, key), key).toBe(empty ? null : `${expected}\n`)
      if (!empty) shown++
    }
    expect(kept.story + kept.person + kept.latest).toBe(shown)
    expect(kept.story).toBeGreaterThan(25)
  })
})
