import { beforeAll, describe, expect, it } from 'vitest'
import { isEmpty, seed } from '../../src/seed/seed'
import { testContext } from '../helpers/context'
import { seedFile } from '../helpers/paths'
import { readAntaraWireFile } from '../helpers/seed-file'

const { context, reset } = await testContext()
const wire = readAntaraWireFile(seedFile)
const SLUG = 'jepang-nato-petakan-bidang-kerja-sama-dalam-program-baru'

const STORY_QUERY = `
  id slug headline status language dateline storyDate publishedAt publicationNote
  datelinePlace { name alternateName countryCode parent { name } }
  body { document }
  authors { name affiliations { shortName name } user { email role } }
  editors { name user { email role } }
  people { name jobTitle }
  organizations { name shortName kind }
  sources { name shortName }
  places { name }
  relatedLinks(orderBy: { position: asc }) { label url targetArticle { id } placement afterParagraph position }
  sourceCredit copyrightNotice copyrightHolder { name }
  originalUrl
`

type Story = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

async function loadStory(): Promise<Story> {
  return context.sudo().query.Article.findOne({ where: { slug: SLUG }, query: STORY_QUERY })
}

async function counts() {
  const db = context.sudo().db
  return {
    articles: await db.Article.count(),
    people: await db.Person.count(),
    organizations: await db.Organization.count(),
    places: await db.Place.count(),
    links: await db.RelatedLink.count(),
    users: await db.User.count(),
  }
}

describe('the seeded ANTARA story, against the seed file', () => {
  let story: Story
  beforeAll(async () => {
    await reset()
    await seed(context, { devAccounts: true })
    story = await loadStory()
  })

  it('has the headline, slug, language, status and story date', () => {
    expect(story.headline).toBe('Jepang-NATO petakan bidang kerja sama dalam program baru')
    expect(story.slug).toBe(SLUG)
    expect(story.language).toBe('id')
    expect(story.status).toBe('published')
    expect(story.storyDate).toBe('2023-07-12')
  })

  it('publishes on the known date and says the time of day is not known', () => {
    expect(story.publishedAt).toBe('2023-07-12T00:00:00.000Z')
    expect(story.publicationNote).toMatch(/time/i)
  })

  it('has the printed dateline, and the place behind it', () => {
    expect(story.dateline).toBe(wire.dateline)
    expect(story.datelinePlace).toMatchObject({ name: 'Vilnius', parent: { name: 'Lithuania' } })
  })

  it('has exactly the 11 body paragraphs and nothing else in the body', () => {
    const blocks = story.body.document as { type: string; children: { text: string }[] }[]
    expect(blocks).toHaveLength(wire.paragraphs.length)
    expect(wire.paragraphs).toHaveLength(11)
    expect(blocks.every(block => block.type === 'paragraph')).toBe(true)
  })

  it.each(Array.from({ length: 11 }, (_, i) => i))('paragraph %i is verbatim', i => {
    const block = (story.body.document as { children: { text: string }[] }[])[i]!
    expect(block.children.map(child => child.text).join('')).toBe(wire.paragraphs[i])
  })

  it('keeps the read-also lines as links, in place, with no invented URL', () => {
    expect(story.relatedLinks).toHaveLength(wire.readAlso.length)
    wire.readAlso.forEach((printed, i) => {
      const link = story.relatedLinks[i]
      expect(link.label).toBe(printed.label)
      expect(link.url).toBeNull()
      expect(link.targetArticle).toBeNull()
      if (printed.afterParagraph === 'end') {
        expect(link).toMatchObject({ placement: 'end', afterParagraph: null })
      } else {
        expect(link).toMatchObject({ placement: 'inline', afterParagraph: printed.afterParagraph })
      }
    })
  })

  it('credits the source, authors, editors and copyright as printed', () => {
    expect(story.sourceCredit).toBe(wire.source)
    expect(story.sources.map((o: Story) => o.shortName || o.name).sort()).toEqual(
      ['Kyodo News', 'OANA'].sort()
    )
    expect(story.authors.map((p: Story) => p.name)).toEqual(wire.reporters)
    expect(story.editors.map((p: Story) => p.name)).toEqual(wire.editors)
    expect(story.copyrightNotice).toBe(wire.copyright)
    expect(story.copyrightHolder.name).toBe('ANTARA')
  })

  it('links the staff bylines to the dev accounts', () => {
    expect(story.authors[0].user).toEqual({ email: 'reporter@warta.test', role: 'reporter' })
    expect(story.editors[0].user).toEqual({ email: 'editor@warta.test', role: 'editor' })
  })

  it('records the people, organizations and places mentioned', () => {
    expect(story.people.map((p: Story) => p.name).sort()).toEqual([
      'Fumio Kishida',
      'Jens Stoltenberg',
    ])
    expect(story.organizations.map((o: Story) => o.shortName || o.name).sort()).toEqual(
      ['AP4', 'NATO', 'Uni Eropa'].sort()
    )
    const placeNames = story.places.map((p: Story) => p.name)
    for (const name of [
      'Vilnius',
      'Lithuania',
      'Jepang',
      'Tokyo',
      'Euro-Atlantik',
      'Selandia Baru',
    ]) {
      expect(placeNames).toContain(name)
    }
    expect(placeNames).toHaveLength(17)
  })

  it('models membership, not hierarchy, for the news agencies', async () => {
    const oana = await context.sudo().query.Organization.findOne({
      where: { slug: 'oana' },
      query: 'name members { name } parent { name } children { name }',
    })
    expect(oana.members.map((o: Story) => o.name).sort()).toEqual(['ANTARA', 'Kyodo News'])
    expect(oana.parent).toBeNull()
    expect(oana.children).toEqual([])
  })
})

describe('seeding twice', () => {
  it('leaves exactly one copy of everything, and keeps the story as it was', async () => {
    await reset()
    await seed(context, { devAccounts: true })
    const first = await counts()
    const storyBefore = await loadStory()
    await seed(context, { devAccounts: true })
    expect(await counts()).toEqual(first)
    expect(first).toEqual({
      articles: 1,
      people: 4,
      organizations: 6,
      places: 17,
      links: 2,
      users: 3,
    })
    const storyAfter = await loadStory()
    expect(storyAfter).toEqual(storyBefore)
  })

  it('restores a seeded field that was edited, without duplicating', async () => {
    await reset()
    await seed(context, { devAccounts: false })
    const { version } = (await context.sudo().db.Article.findOne({ where: { slug: SLUG } }))!
    await context
      .sudo()
      .db.Article.updateOne({ where: { slug: SLUG }, data: { sourceCredit: 'x', version } })
    await seed(context, { devAccounts: false })
    expect((await loadStory()).sourceCredit).toBe('Kyodo-OANA')
    expect(await context.sudo().db.Article.count()).toBe(1)
  })

  it('still counts as a fresh database when only accounts exist (first admin made by hand)', async () => {
    await reset()
    await context.sudo().db.User.createOne({
      data: {
        name: 'Admin',
        email: 'boss@warta.test',
        password: 'a-long-admin-password',
        role: 'admin',
      },
    })
    expect(await isEmpty(context)).toBe(true)
    await seed(context, { devAccounts: false })
    expect(await isEmpty(context)).toBe(false)
  })

  it('creates no accounts when told not to (production)', async () => {
    await reset()
    await seed(context, { devAccounts: false })
    expect(await context.sudo().db.User.count()).toBe(0)
  })
})
