// A published story keeps its byline and its profiles from every side: not by deleting the
// profile (profiles.test.ts), not by emptying the story's authors, and not by taking the story
// off the profile through its back-reference.
import { beforeAll, describe, expect, it } from 'vitest'
import { testContext } from '../helpers/context'
import { articleByA, contextFor, createStaff, type Staff } from '../access/fixtures'
import { api, expectAccepted, expectRefused } from './api'

const { context, reset } = await testContext()
let staff: Staff
const editor = () => contextFor(context, staff, 'editor')

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
})

const authorsOf = async (id: string) =>
  (
    (await context.sudo().query.Article.findOne({ where: { id }, query: 'authors { id }' })) as {
      authors: { id: string }[]
    }
  ).authors.map(a => a.id)

describe('the authors of a published story', () => {
  const setAuthors = (id: string, authors: Record<string, unknown>) =>
    api(
      editor(),
      `mutation($id: ID!, $a: PersonRelateToManyForUpdateInput) {
        updateArticle(where: { id: $id }, data: { authors: $a, version: 1 }) { id }
      }`,
      { id, a: authors }
    )

  it.each([
    ['set to none', () => ({ set: [] })],
    ['the only one disconnected', () => ({ disconnect: [{ id: staff.reporterA.personId }] })],
  ])('cannot be %s', async (_, authors) => {
    const id = await articleByA(context, staff, 'published')
    expectRefused(await setAuthors(id, authors()), /published story keeps at least one author/)
    expect(await authorsOf(id)).toEqual([staff.reporterA.personId])
  })

  it('can be replaced by another', async () => {
    const id = await articleByA(context, staff, 'published')
    expectAccepted(await setAuthors(id, { set: [{ id: staff.reporterB.personId }] }))
    expect(await authorsOf(id)).toEqual([staff.reporterB.personId])
  })

  it('of a draft can be emptied (the editor’s call; publishing needs one again)', async () => {
    const id = await articleByA(context, staff, 'draft')
    expectAccepted(await setAuthors(id, { set: [] }))
    expect(await authorsOf(id)).toEqual([])
  })
})

describe('from the profile’s side', () => {
  it.each(['published', 'killed'] as const)(
    'a %s story cannot be taken off its author: not through the API, nor by internal code',
    async status => {
      const id = await articleByA(context, staff, status)
      for (const authored of [{ set: [] }, { disconnect: [{ id }] }]) {
        // The back-reference is read-only in the API: the story owns the relationship.
        const result = await api(
          editor(),
          `mutation($p: ID!) { updatePerson(where: { id: $p }, data: { authored: ${JSON.stringify(authored).replace(/"(\w+)":/g, '$1:')} }) { id } }`,
          { p: staff.reporterA.personId }
        )
        expectRefused(result, /not defined|Unknown/)
        // Internal code (sudo, which the API's omissions do not bind) meets the hook.
        await expect(
          context.sudo().db.Person.updateOne({
            where: { id: staff.reporterA.personId! },
            data: { authored } as never,
          })
        ).rejects.toThrow(/cannot be taken off published or killed stories here/)
      }
      expect(await authorsOf(id)).toEqual([staff.reporterA.personId])
    }
  )

  it('a tag cannot be taken off a published story by internal code, but off a draft it can', async () => {
    const tag = await context.sudo().db.Tag.createOne({ data: { name: 'Ekonomi' } })
    const published = await articleByA(context, staff, 'published')
    const draft = await articleByA(context, staff, 'draft')
    for (const id of [published, draft]) {
      await context.sudo().db.Article.updateOne({
        where: { id },
        data: { tags: { connect: [{ id: tag.id }] }, version: 1 },
      })
    }
    const untag = (id: string) =>
      context.sudo().db.Tag.updateOne({
        where: { id: String(tag.id) },
        data: { articles: { disconnect: [{ id }] } } as never,
      })
    // Through the API neither is possible: Tag.articles is not an input.
    const viaApi = await api(
      editor(),
      `mutation($t: ID!, $a: ID!) { updateTag(where: { id: $t }, data: { articles: { disconnect: [{ id: $a }] } }) { id } }`,
      { t: tag.id, a: draft }
    )
    expectRefused(viaApi, /not defined/)
    await expect(untag(published)).rejects.toThrow(/cannot be taken off/)
    await untag(draft)
    const left = await context.sudo().query.Tag.findOne({
      where: { id: String(tag.id) },
      query: 'articles { id }',
    })
    expect(left).toEqual({ articles: [{ id: published }] })
  })
})
