// The published store across saves, each in its own transaction: an edit of a published story
// (its fields, links, relations) stays in the working copy until publishChanges, drafts never
// enter the store, and profile edits (reference data) reach the stories using them at once.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Context } from '../../generated/keystone/types'
import { contextFor, createStaff, type Staff } from '../access/fixtures'
import { testContext } from '../helpers/context'
import { ask } from './world'

const { context, reset } = await testContext()
let staff: Staff
let editor: Context
beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
  editor = contextFor(context, staff, 'editor')
})

const stored = async () =>
  (
    await context.prisma.$queryRawUnsafe<{ n: number }[]>(
      'SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "ContentStory"'
    )
  )[0]!.n

async function publishedStory(extra: Record<string, unknown> = {}) {
  const article = await editor.db.Article.createOne({
    data: {
      headline: `Kabar ${Math.random().toString(36).slice(2, 8)}`,
      body: [{ type: 'paragraph', children: [{ text: 'Isi.' }] }],
      authors: { connect: [{ id: staff.editor.personId! }] },
      ...extra,
    },
  })
  const { errors } = await editor.graphql.raw({
    query: 'mutation($id: ID!) { publishArticle(where: { id: $id }, version: 1) { id } }',
    variables: { id: article.id },
  })
  expect(errors).toBeUndefined()
  return editor.db.Article.findOne({ where: { id: String(article.id) } }) as Promise<{
    id: string
    slug: string
    version: number
  }>
}

async function publishChanges(id: string) {
  const { version } = (await context.sudo().db.Article.findOne({ where: { id } }))!
  const { errors } = await editor.graphql.raw({
    query:
      'mutation($id: ID!, $v: Int!) { publishChangesArticle(where: { id: $id }, version: $v) { id } }',
    variables: { id, v: version },
  })
  expect(errors).toBeUndefined()
}

const story = async (slug: string, fields = 'headline') =>
  (await ask(context, `query($s: String!) { story(slug: $s) { ${fields} } }`, { s: slug })).data!
    .story as Record<string, any> | null // eslint-disable-line @typescript-eslint/no-explicit-any

describe('saves', () => {
  it('drafts and their edits never enter the store', async () => {
    const before = await stored()
    const draft = await editor.db.Article.createOne({ data: { headline: 'Draf' } })
    await editor.db.Article.updateOne({
      where: { id: String(draft.id) },
      data: { headline: 'Draf lagi', version: 1 },
    })
    expect(await stored()).toBe(before)
  })

  it('an edit of a published story goes live with publishChanges, its slug included', async () => {
    const article = await publishedStory()
    const headline = (await story(article.slug))!.headline
    await editor.db.Article.updateOne({
      where: { id: article.id },
      data: { headline: 'Judul baru', slug: 'judul-baru', version: article.version },
    })
    expect(await story(article.slug)).toEqual({ headline })
    expect(await story('judul-baru')).toBeNull()
    await publishChanges(article.id)
    expect(await story(article.slug)).toBeNull()
    expect(await story('judul-baru')).toEqual({ headline: 'Judul baru' })
  })

  it('read-also links: added, relabelled, retargeted and removed', async () => {
    const target = await publishedStory()
    const article = await publishedStory()
    const link = await editor.db.RelatedLink.createOne({
      data: { article: { connect: { id: article.id } }, label: 'Baca juga satu' },
    })
    const links = 'relatedLinks { label target { slug } }'
    expect(await story(article.slug, links)).toEqual({ relatedLinks: [] })
    await publishChanges(article.id)
    expect(await story(article.slug, links)).toEqual({
      relatedLinks: [{ label: 'Baca juga satu', target: null }],
    })
    await editor.db.RelatedLink.updateOne({
      where: { id: String(link.id) },
      data: { label: 'Baca juga dua', targetArticle: { connect: { id: target.id } } },
    })
    expect(await story(article.slug, links)).toEqual({
      relatedLinks: [{ label: 'Baca juga satu', target: null }],
    })
    await publishChanges(article.id)
    expect(await story(article.slug, links)).toEqual({
      relatedLinks: [{ label: 'Baca juga dua', target: { slug: target.slug } }],
    })
    await context.sudo().db.RelatedLink.deleteOne({ where: { id: String(link.id) } })
    await publishChanges(article.id)
    expect(await story(article.slug, links)).toEqual({ relatedLinks: [] })
    // A target unpublished later resolves to nothing, without a new publication.
    const { version } = (await context.sudo().db.Article.findOne({ where: { id: target.id } }))!
    await editor.db.RelatedLink.createOne({
      data: {
        article: { connect: { id: article.id } },
        label: 'Baca juga tiga',
        targetArticle: { connect: { id: target.id } },
      },
    })
    await publishChanges(article.id)
    const { errors } = await editor.graphql.raw({
      query: `mutation($id: ID!, $v: Int!) {
        unpublishArticle(where: { id: $id }, version: $v, reason: "Ditarik") { id } }`,
      variables: { id: target.id, v: version },
    })
    expect(errors).toBeUndefined()
    expect(await story(article.slug, links)).toEqual({
      relatedLinks: [{ label: 'Baca juga tiga', target: null }],
    })
  })

  it('a profile edit reaches every story using it; a profile taken off its stories leaves them', async () => {
    const tag = await context.sudo().db.Tag.createOne({ data: { name: 'Pemilu' } })
    const one = await publishedStory({ tags: { connect: [{ id: tag.id }] } })
    const two = await publishedStory({ tags: { connect: [{ id: tag.id }] } })
    await context.sudo().db.Tag.updateOne({
      where: { id: String(tag.id) },
      data: { name: 'Pemilu 2029', slug: 'pemilu-2029' },
    })
    for (const { slug } of [one, two])
      expect(await story(slug, 'tags { name slug }')).toEqual({
        tags: [{ name: 'Pemilu 2029', slug: 'pemilu-2029' }],
      })
    const byTag = async (slug: string) =>
      (await ask(context, `{ tag(slug: "${slug}") { name stories { nodes { slug } } } }`)).data!
        .tag as { stories: { nodes: unknown[] } } | null
    expect(await byTag('pemilu')).toBeNull()
    expect((await byTag('pemilu-2029'))!.stories.nodes).toHaveLength(2)
    // A profile published stories use cannot be deleted (src/lists/profile-in-use.ts): the
    // stories let go of it first, each through its own versioned save.
    await expect(
      context.sudo().db.Tag.deleteOne({ where: { id: String(tag.id) } })
    ).rejects.toThrow(/cannot be deleted/)
    for (const { slug } of [one, two]) {
      const { version } = (await context.sudo().db.Article.findOne({ where: { slug } }))!
      await context.sudo().db.Article.updateOne({
        where: { slug },
        data: { tags: { disconnect: [{ id: String(tag.id) }] }, version },
      })
    }
    // Still live until the changes are published.
    expect(await story(one.slug, 'tags { name }')).toEqual({ tags: [{ name: 'Pemilu 2029' }] })
    for (const { id } of [one, two]) await publishChanges(id)
    expect(await story(one.slug, 'tags { name }')).toEqual({ tags: [] })
    expect(await byTag('pemilu-2029')).toBeNull()
    await context.sudo().db.Tag.deleteOne({ where: { id: String(tag.id) } })
    expect(await byTag('pemilu-2029')).toBeNull()
  })
})
