// A story's parts written from their own lists (read-also links, corrections) change the story:
// a link's story is set once, on create; creating, editing or deleting a link, or adding a
// correction, moves the story's version and updatedAt once, in the same write, and a published
// story's modifiedAt in the Content API (src/workflow/touched-stories.ts).
import { beforeAll, describe, expect, it } from 'vitest'
import { testContext } from '../helpers/context'
import { articleByA, contextFor, createStaff, type Actor, type Staff } from '../access/fixtures'
import { ask } from '../content/world'

const { context, reset } = await testContext()
let staff: Staff

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
})

async function as(actor: Actor, query: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await contextFor(context, staff, actor).graphql.raw({ query, variables })
  return { data: data as Record<string, any> | null | undefined, errors: errors ?? [] } // eslint-disable-line @typescript-eslint/no-explicit-any
}

const story = async (id: string) => {
  const row = await context.prisma.article.findUnique({ where: { id } })
  return { version: row!.version as number, updatedAt: row!.updatedAt as Date, slug: row!.slug }
}
const linkOn = async (articleId: string, label = 'Baca juga') =>
  String(
    (
      await context.sudo().db.RelatedLink.createOne({
        data: { label, article: { connect: { id: articleId } } },
      })
    ).id
  )
const modifiedAt = async (slug: string) =>
  (await ask(
    context,
    'query($s: String!) { story(slug: $s) { modifiedAt relatedLinks { label } } }',
    {
      s: slug,
    }
  ))!.data!.story as { modifiedAt: string; relatedLinks: { label: string }[] }
const tick = () => new Promise(resolve => setTimeout(resolve, 5))

describe('a link\u2019s story is set on create only', () => {
  it.each([
    ['reporterA', { disconnect: true }],
    ['editor', { connect: { id: 'OTHER' } }],
    ['admin', { connect: { id: 'OTHER' } }],
  ] as const)('%s cannot change it (%j)', async (actor, article) => {
    const draft = await articleByA(context, staff, 'draft')
    const other = await articleByA(context, staff, 'published')
    const link = await linkOn(draft)
    const input = JSON.parse(JSON.stringify(article).replace('OTHER', other))
    const before = await story(other)
    const result = await as(
      actor,
      `mutation ($id: ID!, $article: ArticleRelateToOneForUpdateInput) {
        updateRelatedLink(where: { id: $id }, data: { article: $article }) { id } }`,
      { id: link, article: input }
    )
    expect(result.errors[0]?.message).toMatch(
      /"article" is not defined|ArticleRelateToOneForUpdateInput/
    )
    const row = await context.sudo().db.RelatedLink.findOne({ where: { id: link } })
    expect(row!.articleId).toBe(draft)
    expect((await story(other)).version).toBe(before.version)
  })
})

describe('writing a link or a correction moves its story once', () => {
  it('creating, editing and deleting a link on a draft', async () => {
    const id = await articleByA(context, staff, 'draft')
    const start = await story(id)
    await tick()
    const created = await as(
      'reporterA',
      `mutation ($id: ID!) { createRelatedLink(data: { label: "Baca", article: { connect: { id: $id } } }) { id article { version } } }`,
      { id }
    )
    expect(created.errors).toEqual([])
    expect(created.data!.createRelatedLink.article.version).toBe(start.version + 1)
    const afterCreate = await story(id)
    expect(afterCreate.updatedAt.getTime()).toBeGreaterThan(start.updatedAt.getTime())
    const link = created.data!.createRelatedLink.id
    const edited = await as(
      'reporterA',
      `mutation ($id: ID!) { updateRelatedLink(where: { id: $id }, data: { label: "Baca lagi" }) { id } }`,
      { id: link }
    )
    expect(edited.errors).toEqual([])
    expect((await story(id)).version).toBe(start.version + 2)
    const deleted = await as(
      'reporterA',
      `mutation ($id: ID!) { deleteRelatedLink(where: { id: $id }) { id } }`,
      { id: link }
    )
    expect(deleted.errors).toEqual([])
    expect((await story(id)).version).toBe(start.version + 3)
  })

  it('an editor with the story open is then refused a stale save', async () => {
    const id = await articleByA(context, staff, 'draft')
    const { version } = await story(id)
    await linkOn(id)
    const save = await as(
      'editor',
      `mutation ($id: ID!, $v: Int!) { updateArticle(where: { id: $id }, data: { version: $v, headline: "Baru" }) { id } }`,
      { id, v: version }
    )
    expect(save.errors[0]?.message).toMatch(/Nothing was saved/)
  })

  it('link label edits and deletes on a published story move its version; they go live, moving modifiedAt, with publishChanges', async () => {
    const id = await articleByA(context, staff, 'published')
    const link = await linkOn(id, 'Lama')
    const start = await story(id)
    const before = await modifiedAt(start.slug)
    const publishChanges = async () => {
      await tick()
      const result = await as(
        'editor',
        `mutation ($id: ID!, $v: Int!) { publishChangesArticle(where: { id: $id }, version: $v) { id } }`,
        { id, v: (await story(id)).version }
      )
      expect(result.errors).toEqual([])
    }
    await tick()
    const edited = await as(
      'editor',
      `mutation ($id: ID!) { updateRelatedLink(where: { id: $id }, data: { label: "Baru" }) { id } }`,
      { id: link }
    )
    expect(edited.errors).toEqual([])
    expect((await story(id)).version).toBe(start.version + 1)
    // A link is part of the working copy: readers see the old one until the changes go out.
    expect(await modifiedAt(start.slug)).toEqual(before)
    await publishChanges()
    const mid = await modifiedAt(start.slug)
    expect(mid.relatedLinks).toEqual([{ label: 'Baru' }])
    expect(Date.parse(mid.modifiedAt)).toBeGreaterThan(Date.parse(before.modifiedAt))
    const version = (await story(id)).version
    await tick()
    const deleted = await as(
      'editor',
      `mutation ($id: ID!) { deleteRelatedLink(where: { id: $id }) { id } }`,
      { id: link }
    )
    expect(deleted.errors).toEqual([])
    expect((await story(id)).version).toBe(version + 1)
    expect(await modifiedAt(start.slug)).toEqual(mid)
    await publishChanges()
    const end = await modifiedAt(start.slug)
    expect(end.relatedLinks).toEqual([])
    expect(Date.parse(end.modifiedAt)).toBeGreaterThan(Date.parse(mid.modifiedAt))
  })

  it('a correction moves its story\u2019s version and modifiedAt', async () => {
    const id = await articleByA(context, staff, 'published')
    const start = await story(id)
    const before = await modifiedAt(start.slug)
    await tick()
    const result = await as(
      'editor',
      `mutation ($id: ID!) { createCorrection(data: { note: "Ralat nama.", article: { connect: { id: $id } } }) { id } }`,
      { id }
    )
    expect(result.errors).toEqual([])
    expect((await story(id)).version).toBe(start.version + 1)
    expect(Date.parse((await modifiedAt(start.slug)).modifiedAt)).toBeGreaterThan(
      Date.parse(before.modifiedAt)
    )
  })

  it('a story creating its own links and editing them in one save moves once', async () => {
    const id = await articleByA(context, staff, 'draft')
    const link = await linkOn(id)
    const { version } = await story(id)
    const result = await as(
      'reporterA',
      `mutation ($id: ID!, $v: Int!, $link: ID!) { updateArticle(where: { id: $id }, data: { version: $v,
        relatedLinks: { create: [{ label: "Satu" }, { label: "Dua" }], disconnect: [{ id: $link }] } }) { version } }`,
      { id, v: version, link }
    )
    expect(result.errors).toEqual([])
    expect(result.data!.updateArticle.version).toBe(version + 1)
    expect((await story(id)).version).toBe(version + 1)
  })

  it('a refused link write moves nothing', async () => {
    const id = await articleByA(context, staff, 'draft')
    const { version } = await story(id)
    const result = await as(
      'reporterA',
      `mutation ($id: ID!) { createRelatedLink(data: { label: "Baca", placement: "inline", article: { connect: { id: $id } } }) { id } }`,
      { id }
    )
    expect(result.errors).not.toEqual([])
    expect((await story(id)).version).toBe(version)
  })
})
