// Every ordering ends on a unique key (src/graphql/stable-order.ts): rows that tie on the asked
// order come back by id in the staff API, whatever order the database stored them in. Ids are chosen to run against insertion order, so a database that
// returns ties in storage order (SQLite's rowid) fails these without the tie-break.
import { beforeAll, describe, expect, it } from 'vitest'
import { asStaff, testContext } from '../helpers/context'

const { context, reset } = await testContext()
const PUBLISHED = new Date('2023-07-12T08:00:00.000Z')
const paragraph = [{ type: 'paragraph', children: [{ text: 'Isi.' }] }]
const LINK_IDS = ['link-d', 'link-c', 'link-b', 'link-a'] // inserted in this order
const STORY_IDS = ['story-z', 'story-y', 'story-x']

const editor = asStaff(context, { id: 'editor-1', role: 'editor' })

async function asEditor(query: string, variables?: Record<string, unknown>) {
  const result = await editor.graphql.raw({ query, variables })
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
  it('on a read-also position come back by id', async () => {
    const data = await asEditor(
      `query ($slug: String!) { article(where: { slug: $slug }) { relatedLinks(orderBy: { position: asc }) { label } } }`,
      { slug: 'story-x' }
    )
    const labels = data.article.relatedLinks.map((l: { label: string }) => l.label)
    expect(labels).toEqual([...LINK_IDS].sort().map(id => `Baca juga ${id}`))
  })

  it('on a publication time come back by id', async () => {
    const data = await asEditor(
      `{ articles(where: { status: { equals: "published" } }, orderBy: { publishedAt: desc }, take: 20) { id } }`
    )
    expect(data.articles.map((a: { id: string }) => a.id)).toEqual([...STORY_IDS].sort())
  })

  it('in any list query, with or without an order, and through pagination', async () => {
    const all = await asEditor(
      `{ articles(where: { status: { equals: "published" } }, orderBy: { publishedAt: desc }) { id } }`
    )
    expect(all.articles.map((a: { id: string }) => a.id)).toEqual([...STORY_IDS].sort())
    const none = await asEditor(`{ articles { id } }`)
    expect(none.articles.map((a: { id: string }) => a.id)).toEqual([...STORY_IDS].sort())
    const pages = []
    for (const skip of [0, 1, 2]) {
      const page = await asEditor(
        `query ($skip: Int!) { articles(where: { status: { equals: "published" } }, orderBy: [{ publishedAt: desc }], take: 1, skip: $skip) { id } }`,
        { skip }
      )
      pages.push(page.articles[0].id)
    }
    expect(pages).toEqual([...STORY_IDS].sort())
  })
})
