import { beforeEach, describe, expect, it } from 'vitest'
import { failureOf, testContext } from '../helpers/context'

const { context, reset } = await testContext()
const sudo = () => context.sudo()

async function snapshot() {
  const db = sudo().db
  return {
    articles: await db.Article.count(),
    links: await db.RelatedLink.count(),
    people: await db.Person.count(),
  }
}

/** Every bad write must fail with a message naming the problem and change nothing. */
async function expectRejected(write: () => Promise<unknown>, message: RegExp) {
  const before = await snapshot()
  const error = await failureOf(write)
  expect(error).toMatch(message)
  expect(error).not.toMatch(/prisma|constraint|sqlite/i)
  expect(await snapshot()).toEqual(before)
}

beforeEach(reset)

describe('slugs', () => {
  it('are made from the headline when not given', async () => {
    const a = await sudo().query.Article.createOne({
      data: { headline: 'Kishida bertemu Stoltenberg di Vilnius' },
      query: 'slug',
    })
    expect(a.slug).toBe('kishida-bertemu-stoltenberg-di-vilnius')
  })

  it('are made when left empty, as the Admin UI sends them', async () => {
    const a = await sudo().query.Article.createOne({
      data: { headline: 'Harga beras naik', slug: '' },
      query: 'slug',
    })
    expect(a.slug).toBe('harga-beras-naik')
  })

  it('get a numbered suffix when the made one is taken', async () => {
    const data = { headline: 'Rapat NATO' }
    await sudo().db.Article.createOne({ data })
    const second = await sudo().query.Article.createOne({ data, query: 'slug' })
    expect(second.slug).toBe('rapat-nato-2')
  })

  it('reject an invalid slug with a clear error', async () => {
    await expectRejected(
      () => sudo().db.Article.createOne({ data: { headline: 'A', slug: 'Not A Slug!' } }),
      /Article\.slug: .*lowercase ASCII words/
    )
  })

  it('reject an overlong slug', async () => {
    await expectRejected(
      () => sudo().db.Article.createOne({ data: { headline: 'A', slug: 'a'.repeat(101) } }),
      /Article\.slug/
    )
  })

  it('reject a duplicate slug given explicitly, naming it', async () => {
    await sudo().db.Article.createOne({ data: { headline: 'A', slug: 'kishida-nato' } })
    await expectRejected(
      () => sudo().db.Article.createOne({ data: { headline: 'B', slug: 'kishida-nato' } }),
      /"kishida-nato" is already used by another Article/
    )
  })

  it('reject a duplicate slug on update, and keep the original', async () => {
    await sudo().db.Article.createOne({ data: { headline: 'A', slug: 'satu' } })
    const b = await sudo().db.Article.createOne({ data: { headline: 'B', slug: 'dua' } })
    await expectRejected(
      () =>
        sudo().db.Article.updateOne({ where: { id: b.id }, data: { slug: 'satu', version: 1 } }),
      /already used/
    )
    expect((await sudo().db.Article.findOne({ where: { id: b.id } }))?.slug).toBe('dua')
  })

  it('do not move when the headline changes', async () => {
    const a = await sudo().db.Article.createOne({ data: { headline: 'Judul lama' } })
    await sudo().db.Article.updateOne({
      where: { id: a.id },
      data: { headline: 'Judul baru', version: 1 },
    })
    expect((await sudo().db.Article.findOne({ where: { id: a.id } }))?.slug).toBe('judul-lama')
  })
})

describe('required fields', () => {
  it('a missing headline is a validation error, not a database error', async () => {
    await expectRejected(
      () => sudo().db.Article.createOne({ data: { slug: 'tanpa-judul' } }),
      /Article\.headline: value must not be empty/
    )
  })

  it('an empty person name is refused', async () => {
    await expectRejected(() => sudo().db.Person.createOne({ data: { name: '' } }), /Person\.name/)
  })

  it('a bad language tag is refused', async () => {
    await expectRejected(
      () => sudo().db.Article.createOne({ data: { headline: 'A', language: 'Bahasa Indonesia' } }),
      /Article\.language: .*BCP-47/
    )
  })
})

describe('read-also links', () => {
  let articleId: string
  beforeEach(async () => {
    articleId = String((await sudo().db.Article.createOne({ data: { headline: 'Induk' } })).id)
  })
  const link = (data: Record<string, unknown>) =>
    sudo().db.RelatedLink.createOne({
      data: { label: 'Baca juga', article: { connect: { id: articleId } }, ...data },
    })

  it('accept an https URL', async () => {
    const created = await link({ url: 'https://www.antaranews.com/berita/1' })
    expect(created.url).toBe('https://www.antaranews.com/berita/1')
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,hi',
    'ftp://x.test/a',
    '/berita/1',
    'http://',
  ])('refuse %j', async url => {
    await expectRejected(() => link({ url }), /RelatedLink\.url: must be an absolute http/)
  })

  it('refuse both a URL and a target article', async () => {
    const target = await sudo().db.Article.createOne({ data: { headline: 'Target' } })
    await expectRejected(
      () => link({ url: 'https://example.com/a', targetArticle: { connect: { id: target.id } } }),
      /either a URL or a target article, not both/
    )
  })

  it('refuse a URL added to a link that already has a target', async () => {
    const target = await sudo().db.Article.createOne({ data: { headline: 'Target' } })
    const created = await link({ targetArticle: { connect: { id: target.id } } })
    await expectRejected(
      () =>
        sudo().db.RelatedLink.updateOne({
          where: { id: created.id },
          data: { url: 'https://example.com/' },
        }),
      /not both/
    )
  })

  it('allow neither (an unresolved link, as in the seed)', async () => {
    const created = await link({})
    expect(created.url).toBeNull()
    expect(created.targetArticleId).toBeNull()
  })

  it('are attached to their story when created inside it (as the Admin UI does)', async () => {
    const story = await sudo().query.Article.updateOne({
      where: { id: articleId },
      data: { version: 1, relatedLinks: { create: [{ label: 'Baca juga: dari dalam' }] } },
      query: 'relatedLinks { label }',
    })
    expect(story.relatedLinks).toEqual([{ label: 'Baca juga: dari dalam' }])
  })

  it('need afterParagraph when inline, and refuse it at the end', async () => {
    await expectRejected(() => link({ placement: 'inline' }), /needs the paragraph it follows/)
    await expectRejected(
      () => link({ placement: 'end', afterParagraph: 3 }),
      /only for inline links/
    )
  })
})

describe('other URLs', () => {
  it('an article original URL must be http(s)', async () => {
    await expectRejected(
      () =>
        sudo().db.Article.createOne({ data: { headline: 'A', originalUrl: 'javascript:void(0)' } }),
      /Article\.originalUrl/
    )
  })
})

describe('accounts', () => {
  it('refuse a short password and a duplicate email', async () => {
    const data = { name: 'A', email: 'a@warta.test', password: 'short' }
    expect(await failureOf(() => sudo().db.User.createOne({ data }))).toMatch(/User\.password/)
    await sudo().db.User.createOne({ data: { ...data, password: 'correct horse battery' } })
    expect(
      await failureOf(() =>
        sudo().db.User.createOne({ data: { ...data, password: 'another long one' } })
      )
    ).toMatch(/User\.email: is already used/)
    expect(await sudo().db.User.count()).toBe(1)
  })
})
