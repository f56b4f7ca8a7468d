// Every ordering ends on a unique key (src/graphql/stable-order.ts): rows that tie on the asked
// order come back by id, from Keystone and from the SQL page builder alike, whatever order the
// database stored them in. Ids are chosen to run against insertion order, so a database that
// returns ties in storage order (SQLite's rowid) fails these without the tie-break.
import { beforeAll, describe, expect, it } from 'vitest'
import { buildLatest, buildStories } from '../../src/public/build'
import { latest, storyPage } from '../../src/public/documents'
import { testContext } from '../helpers/context'

const { context, reset } = await testContext()
const PUBLISHED = new Date('2023-07-12T08:00:00.000Z')
const paragraph = [{ type: 'paragraph', children: [{ text: 'Isi.' }] }]
const LINK_IDS = ['link-d', 'link-c', 'link-b', 'link-a'] // inserted in this order
const STORY_IDS = ['story-z', 'story-y', 'story-x']

async function anonymous(query: string, variables?: Record<string, unknown>) {
  const result = await context.graphql.raw({ query, variables })
  expect(result.errors).toBeUndefined()
  return result.data as Record<string, any>
}

beforeAll(async () => {
  await reset()
  const author = await context.sudo().db.Person.createOne({ data: { name: 'Penulis Sama' } })
  // Raw Prisma: the API never lets a client choose ids.
  for (const id of STORY_IDS) {
    await context.prisma.article.create({
      data: {
        id,
        headline: `Sama ${id}`,
        slug: id,
        body: paragraph,
        status: 'published',
        publishedAt: PUBLISHED,
        authors: { connect: [{ id: String(author.id) }] },
      },
    })
  }
  for (const id of LINK_IDS) {
    await context.prisma.relatedLink.create({
      data: { id, label: `Baca juga ${id}`, position: 1, articleId: 'story-x' },
    })
  }
})

describe('ties', () => {
  it('on a read-also position come back by id from Keystone and from the page builder', async () => {
    const data = await anonymous(storyPage, { slug: 'story-x' })
    const labels = data.article.relatedLinks.map((l: { label: string }) => l.label)
    expect(labels).toEqual([...LINK_IDS].sort().map(id => `Baca juga ${id}`))
    const built = (await buildStories(context.prisma, ['story-x'])).get('story-x')
    expect(JSON.stringify(built?.data)).toBe(JSON.stringify(data))
  })

  it('on a publication time come back by id on the front page, from both', async () => {
    const data = await anonymous(latest)
    expect(data.articles.map((a: { id: string }) => a.id)).toEqual([...STORY_IDS].sort())
    expect(JSON.stringify((await buildLatest(context.prisma)).data)).toBe(JSON.stringify(data))
  })

  it('in any list query, with or without an order, and through pagination', async () => {
    const all = await anonymous(
      `{ articles(where: { status: { equals: "published" } }, orderBy: { publishedAt: desc }) { id } }`
    )
    expect(all.articles.map((a: { id: string }) => a.id)).toEqual([...STORY_IDS].sort())
    const none = await anonymous(`{ articles { id } }`)
    expect(none.articles.map((a: { id: string }) => a.id)).toEqual([...STORY_IDS].sort())
    const pages = []
    for (const skip of [0, 1, 2]) {
      const page = await anonymous(
        `query ($skip: Int!) { articles(where: { status: { equals: "published" } }, orderBy: [{ publishedAt: desc }], take: 1, skip: $skip) { id } }`,
        { skip }
      )
      pages.push(page.articles[0].id)
    }
    expect(pages).toEqual([...STORY_IDS].sort())
  })
})
