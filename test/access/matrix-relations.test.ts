// Relationships from every side (issue 12, kind 2): a story's relationships change only through
// the story. For every actor × article status × story–profile relationship, writing the
// profile's back-reference (connect, disconnect, set, or on create) is refused for everyone and
// changes nothing, while writing the story's own field follows the story's update rule and moves
// its version. Read-also links and corrections follow their story too.
import { beforeAll, describe, expect, it } from 'vitest'
import { testContext } from '../helpers/context'
import {
  actors,
  articleByA,
  contextFor,
  createStaff,
  statuses,
  type Actor,
  type Staff,
  type Status,
} from './fixtures'
import { connectInput, gqlNames, heldBy, newProfile, relations, type Relation } from './relations'

const { context, reset } = await testContext()
let staff: Staff

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
})

async function as(actor: Actor, query: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await contextFor(context, staff, actor).graphql.raw({ query, variables })
  return { data: data as Record<string, unknown> | null | undefined, errors: errors ?? [] }
}

/** The story's update rule, as the roles issue states it (see matrix.test.ts). */
function mayUpdate(actor: Actor, status: Status) {
  if (actor === 'reporterA') return status === 'draft'
  if (actor === 'editor' || actor === 'admin') return status !== 'killed'
  return false
}

/** Reporter A's article in `status`, holding a fresh profile in `relation`'s field. */
async function storyHolding(relation: Relation, status: Status) {
  const articleId = await articleByA(context, staff, status)
  const profileId = await newProfile(context, relation.list)
  await context.sudo().db.Article.updateOne({
    where: { id: articleId },
    data: { version: 1, [relation.articleField]: connectInput(relation, profileId) },
  })
  return { articleId, profileId }
}

const cases = actors.flatMap(actor =>
  statuses.flatMap(status => relations.map(relation => [actor, status, relation] as const))
)
const label = ([actor, status, r]: (typeof cases)[number]) =>
  `${actor}, ${status} story, ${r.list}.${r.backRef} / Article.${r.articleField}`

describe('a profile\u2019s back-reference is read-only in the API', () => {
  it.each(cases.map(c => [label(c), c] as const))('%s', async (_, [actor, status, relation]) => {
    const { articleId, profileId } = await storyHolding(relation, status)
    const other = await newProfile(context, relation.list)
    const before = await heldBy(context, articleId, relation)
    const { update, one } = gqlNames[relation.list]
    const list = relation.list
    const ops = {
      connect: [{ id: articleId }],
      disconnect: [{ id: articleId }],
      set: [],
    }
    for (const [op, value] of Object.entries(ops)) {
      const target = op === 'connect' ? other : profileId
      const result = await as(
        actor,
        `mutation ($id: ID!, $data: ${list}UpdateInput!) { ${update}(where: { id: $id }, data: $data) { id } }`,
        { id: target, data: { [relation.backRef]: { [op]: value } } }
      )
      expect(result.errors.map(e => e.message).join()).toMatch(
        new RegExp(`"${relation.backRef}" is not defined by type "${list}UpdateInput"`)
      )
    }
    const created = await as(
      actor,
      `mutation ($data: ${list}CreateInput!) { create${list}(data: $data) { id } }`,
      { data: { name: 'Baru', [relation.backRef]: { connect: [{ id: articleId }] } } }
    )
    expect(created.errors).not.toHaveLength(0)
    expect(await heldBy(context, articleId, relation)).toEqual(before)
    // Still readable and filterable from the profile's side (staff see every profile).
    const read = await as(
      'editor',
      `query ($id: ID!, $a: ID!) { ${one}(where: { id: $id }) { ${relation.backRef}(where: { id: { equals: $a } }) { id } } }`,
      { id: profileId, a: articleId }
    )
    expect(read.data).toEqual({ [one]: { [relation.backRef]: [{ id: articleId }] } })
  })
})

describe('the story\u2019s own field follows the story\u2019s update rule and moves its version', () => {
  it.each(cases.map(c => [label(c), c] as const))('%s', async (_, [actor, status, relation]) => {
    const { articleId } = await storyHolding(relation, status)
    const other = await newProfile(context, relation.list)
    const before = await heldBy(context, articleId, relation)
    const result = await as(
      actor,
      `mutation ($id: ID!, $data: ArticleUpdateInput!) { updateArticle(where: { id: $id }, data: $data) { id } }`,
      {
        id: articleId,
        data: { version: before.version, [relation.articleField]: connectInput(relation, other) },
      }
    )
    const after = await heldBy(context, articleId, relation)
    if (mayUpdate(actor, status)) {
      expect(result.errors).toEqual([])
      expect(after.ids).toContain(other)
      expect(after.version).toBe(before.version + 1)
    } else {
      expect(result.errors).not.toHaveLength(0)
      expect(after).toEqual(before)
    }
  })
})

describe('read-also links and corrections follow their story', () => {
  const linkOn = async (articleId: string) =>
    String(
      (
        await context.sudo().db.RelatedLink.createOne({
          data: { label: 'Baca juga', article: { connect: { id: articleId } } },
        })
      ).id
    )
  const articleOf = async (linkId: string) =>
    (await context.sudo().db.RelatedLink.findOne({ where: { id: linkId } }))!.articleId

  it.each(actors.flatMap(actor => statuses.map(status => [actor, status] as const)))(
    '%s cannot take a link off a %s story by connecting it to another story',
    async (actor, status) => {
      const from = await articleByA(context, staff, status)
      const to = await articleByA(context, staff, 'draft')
      const link = await linkOn(from)
      const { version } = (await context.sudo().db.Article.findOne({ where: { id: to } }))!
      const result = await as(
        actor,
        `mutation ($id: ID!, $data: ArticleUpdateInput!) { updateArticle(where: { id: $id }, data: $data) { id } }`,
        { id: to, data: { version, relatedLinks: { connect: [{ id: link }] } } }
      )
      expect(result.errors).not.toHaveLength(0)
      if (mayUpdate(actor, 'draft')) {
        expect(result.errors[0]!.message).toMatch(/belongs to its own story/)
      }
      expect(await articleOf(link)).toBe(from)
    }
  )

  it.each(actors.flatMap(actor => statuses.map(status => [actor, status] as const)))(
    '%s cannot move a link off a %s story: its story is set on create only',
    async (actor, status) => {
      const from = await articleByA(context, staff, status)
      const to = await articleByA(context, staff, 'draft')
      const link = await linkOn(from)
      const result = await as(
        actor,
        `mutation ($id: ID!, $to: ID!) { updateRelatedLink(where: { id: $id }, data: { article: { connect: { id: $to } } }) { id } }`,
        { id: link, to }
      )
      expect(await articleOf(link)).toBe(from)
      expect(result.errors).not.toHaveLength(0)
    }
  )

  it('a story creates its own links (as the Admin UI does), moving its version', async () => {
    const id = await articleByA(context, staff, 'draft')
    const result = await as(
      'reporterA',
      `mutation ($id: ID!) { updateArticle(where: { id: $id }, data: { version: 1,
        relatedLinks: { create: [{ label: "Baca juga: dari dalam" }] } }) { version relatedLinks { label } } }`,
      { id }
    )
    expect(result).toEqual({
      data: { updateArticle: { version: 2, relatedLinks: [{ label: 'Baca juga: dari dalam' }] } },
      errors: [],
    })
  })

  it('corrections and history cannot be written from the story', async () => {
    const id = await articleByA(context, staff, 'published')
    for (const field of ['corrections', 'events']) {
      const result = await as(
        'admin',
        `mutation ($id: ID!, $data: ArticleUpdateInput!) { updateArticle(where: { id: $id }, data: $data) { id } }`,
        { id, data: { version: 1, [field]: { disconnect: [{ id: '1' }] } } }
      )
      expect(result.errors[0]!.message).toMatch(
        `"${field}" is not defined by type "ArticleUpdateInput"`
      )
    }
  })
})

describe('deleting a profile takes it out of its stories: only under their update rule, and never out of a published or killed one', () => {
  it.each(cases.map(c => [label(c), c] as const))('%s', async (_, [actor, status, relation]) => {
    const { articleId, profileId } = await storyHolding(relation, status)
    const before = await heldBy(context, articleId, relation)
    const result = await as(
      actor,
      `mutation ($id: ID!) { delete${relation.list}(where: { id: $id }) { id } }`,
      { id: profileId }
    )
    // A published or killed story holds its profiles (src/lists/profile-in-use.ts).
    const holds = status === 'published' || status === 'killed'
    const mayDelete =
      (actor === 'editor' || actor === 'admin') && mayUpdate(actor, status) && !holds
    expect(result.errors.length === 0).toBe(mayDelete)
    const after = await heldBy(context, articleId, relation)
    expect(after.ids).toEqual(mayDelete ? before.ids.filter(id => id !== profileId) : before.ids)
  })
})
