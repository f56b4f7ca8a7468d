// A unique where names exactly one item: `where: {}` (or two keys, or only nulls) on an update
// or delete, their many variants, the actions and nested connect/disconnect/set is refused and
// writes nothing, instead of writing to whichever row the database returns first.
import { beforeAll, describe, expect, it } from 'vitest'
import { articleByA, contextFor, createStaff, type Staff } from '../access/fixtures'
import type { Context } from '../../generated/keystone/types'
import { testContext } from '../helpers/context'
import { expectRefused, gql } from './writes'

const { context, reset } = await testContext()
let staff: Staff
const admin = () => contextFor(context, staff, 'admin')
const EXACTLY_ONE = /exactly one/

// Each updatable list, the field the test writes, and a value for it.
const lists = [
  ['Tag', 'tags', 'name', 'Diubah'],
  ['Person', 'people', 'name', 'Diubah'],
  ['Organization', 'organizations', 'name', 'Diubah'],
  ['Place', 'places', 'name', 'Diubah'],
  ['RelatedLink', 'relatedLinks', 'label', 'Diubah'],
  ['User', 'users', 'name', 'Diubah'],
] as const

/** Every row's written field of every list above, and every story's version and summary. */
async function contents(ctx: Context) {
  const out: Record<string, unknown> = {}
  for (const [list, plural, field] of lists) {
    out[list] = (await ctx.sudo().graphql.run({ query: `{ ${plural} { id ${field} } }` })) as object
  }
  out.Article = await ctx.sudo().query.Article.findMany({ query: 'id version summary status' })
  return out
}

async function expectNothingWritten(write: () => ReturnType<typeof gql>) {
  const before = await contents(context)
  await expectRefused(context, write, EXACTLY_ONE)
  expect(await contents(context)).toEqual(before)
}

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
  const db = context.sudo().db
  const article = await articleByA(context, staff, 'draft')
  await db.Tag.createOne({ data: { name: 'Banjir' } })
  await db.Organization.createOne({ data: { name: 'BMKG' } })
  await db.Place.createOne({ data: { name: 'Cianjur' } })
  await db.RelatedLink.createOne({
    data: {
      label: 'Baca juga',
      url: 'https://example.com/a',
      article: { connect: { id: article } },
    },
  })
})

describe('update and delete with a where that names no single item', () => {
  for (const [list, plural, field, value] of lists) {
    it.each([
      ['{}', 'none'],
      ['{ id: null }', 'only a null'],
    ])(`update${list}(where: %s) and delete${list}: refused (%s)`, async where => {
      await expectNothingWritten(() =>
        gql(
          admin(),
          `mutation { update${list}(where: ${where}, data: { ${field}: "${value}" }) { id } }`
        )
      )
      await expectNothingWritten(() =>
        gql(admin(), `mutation { delete${list}(where: ${where}) { id } }`)
      )
    })

    it(`the many variants of ${list}`, async () => {
      const many = plural === 'people' ? 'People' : plural[0]!.toUpperCase() + plural.slice(1)
      await expectNothingWritten(() =>
        gql(
          admin(),
          `mutation { update${many}(data: [{ where: {}, data: { ${field}: "${value}" } }]) { id } }`
        )
      )
      await expectNothingWritten(() =>
        gql(admin(), `mutation { delete${many}(where: [{}]) { id } }`)
      )
    })
  }

  it('updateArticle and deleteArticle with where: {}', async () => {
    await expectNothingWritten(() =>
      gql(
        admin(),
        `mutation { updateArticle(where: {}, data: { version: 1, summary: "X" }) { id } }`
      )
    )
    await expectNothingWritten(() => gql(admin(), `mutation { deleteArticle(where: {}) { id } }`))
  })

  it('a where with two keys is refused even when both name the same item', async () => {
    const tag = await context
      .sudo()
      .query.Tag.findOne({ where: { slug: 'banjir' }, query: 'id slug' })
    await expectNothingWritten(() =>
      gql(
        admin(),
        `mutation($id: ID!) { updateTag(where: { id: $id, slug: "banjir" }, data: { name: "Dua" }) { id } }`,
        { id: tag!.id }
      )
    )
  })

  it('a workflow action with where: {}', async () => {
    await expectNothingWritten(() =>
      gql(
        contextFor(context, staff, 'editor'),
        `mutation { submitArticle(where: {}, version: 1) { id } }`
      )
    )
  })
})

describe('nested connect, disconnect and set with {}', () => {
  it.each([
    ['tags: { connect: [{}] }'],
    ['tags: { set: [{}] }'],
    ['people: { connect: [{ id: null }] }'],
    ['datelinePlace: { connect: {} }'],
  ])('createArticle with %s', async input => {
    await expectNothingWritten(() =>
      gql(admin(), `mutation { createArticle(data: { headline: "Sambungan", ${input} }) { id } }`)
    )
  })

  it.each([
    ['tags: { disconnect: [{}] }'],
    ['tags: { set: [{}] }'],
    ['organizations: { connect: [{}] }'],
  ])('updateArticle with %s', async input => {
    const id = await articleByA(context, staff, 'draft')
    await expectNothingWritten(() =>
      gql(
        admin(),
        `mutation($id: ID!) { updateArticle(where: { id: $id }, data: { version: 1, ${input} }) { id } }`,
        { id }
      )
    )
  })
})
