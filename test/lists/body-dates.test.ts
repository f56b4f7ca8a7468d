// Story bodies the editor could not have made, bodies past the limits, and impossible dates are
// refused with a clear message and change nothing; no internal error reaches the client.
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

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ text }] })
const createWith = (data: Record<string, unknown>) =>
  api(
    editor(),
    `mutation($data: ArticleCreateInput!) { createArticle(data: $data) { id storyDate } }`,
    { data: { headline: 'Cerita', ...data } }
  )
const articles = () => context.sudo().db.Article.count()

function nested(depth: number, type = 'blockquote') {
  let node: Record<string, unknown> = paragraph('dalam')
  for (let i = 0; i < depth; i++) node = { type, children: [node] }
  return [node]
}

describe('story body', () => {
  it.each([
    ['blockquotes', 'blockquote'],
    ['links', 'link'],
    ['list items', 'list-item'],
  ])('100,000 nested %s are refused without a stack overflow', async (_, type) => {
    const before = await articles()
    expectRefused(
      await createWith({ body: nested(100_000, type) }),
      /Article\.body: the story body (is nested deeper than 32 levels|holds)/
    )
    expect(await articles()).toBe(before)
  })

  it('a deep body is refused on update too, and the body stays', async () => {
    const id = await articleByA(context, staff, 'draft')
    const result = await api(
      editor(),
      `mutation($id: ID!, $body: JSON) { updateArticle(where: { id: $id }, data: { body: $body, version: 1 }) { id } }`,
      { id, body: nested(5_000) }
    )
    expectRefused(result, /nested deeper than 32 levels/)
    const stored = await context.sudo().db.Article.findOne({ where: { id } })
    expect(stored?.body).toEqual([paragraph('Isi berita.')])
    expect(stored?.version).toBe(1)
  })

  it.each([
    [
      'a component block',
      { type: 'component-block', component: 'quote', props: {}, children: [{ text: '' }] },
    ],
    [
      'a layout',
      {
        type: 'layout',
        layout: [1, 1],
        children: [{ type: 'layout-area', children: [paragraph('x')] }],
      },
    ],
    [
      'a relationship',
      {
        type: 'paragraph',
        children: [
          { type: 'relationship', relationship: 'mention', data: null, children: [{ text: '' }] },
        ],
      },
    ],
    ['an image', { type: 'image', src: 'https://x.test/a.png', children: [{ text: '' }] }],
    ['a code block', { type: 'code', children: [{ text: 'rm -rf /' }] }],
    ['a level-1 heading', { type: 'heading', level: 1, children: [{ text: 'Judul' }] }],
    ['a level-6 heading', { type: 'heading', level: 6, children: [{ text: 'Judul' }] }],
    ['centred text', { type: 'paragraph', textAlign: 'center', children: [{ text: 'x' }] }],
    ['an underline mark', { type: 'paragraph', children: [{ text: 'x', underline: true }] }],
    ['a keyboard mark', { type: 'paragraph', children: [{ text: 'x', keyboard: true }] }],
    ['NUL in the text', paragraph('Isi\u0000')],
    [
      'a javascript: link',
      {
        type: 'paragraph',
        children: [{ type: 'link', href: 'javascript:alert(1)', children: [{ text: 'x' }] }],
      },
    ],
  ])('%s is refused', async (_, node) => {
    const before = await articles()
    const result = await createWith({ body: [node] })
    expectRefused(result, /Article\.body: /)
    expect(await articles()).toBe(before)
  })

  it('a 50,000-word long read is taken', async () => {
    const sentence = 'Kishida bertemu Stoltenberg di Vilnius untuk membahas kerja sama baru. '
    const words = sentence.trim().split(' ').length
    const paragraphs = Array.from({ length: Math.ceil(50_000 / (words * 5)) }, () =>
      paragraph(sentence.repeat(5).trim())
    )
    const data = expectAccepted(await createWith({ body: paragraphs }))
    const id = (data.createArticle as { id: string }).id
    const stored = await context.sudo().db.Article.findOne({ where: { id } })
    expect((stored?.body as unknown[]).length).toBe(paragraphs.length)
  })
})

describe('impossible dates', () => {
  it.each(['2023-02-30', '2023-13-01', '2023-02-29', '2023-04-31'])(
    'storyDate %j is refused on create, by variable and inline',
    async day => {
      const before = await articles()
      expectRefused(await createWith({ storyDate: day }), /is not a real date/)
      const inline = await api(
        editor(),
        `mutation { createArticle(data: { headline: "x", storyDate: "${day}" }) { id } }`
      )
      expectRefused(inline, /is not a real date/)
      expect(await articles()).toBe(before)
    }
  )

  it('storyDate is refused on update and in filters; a leap day is taken', async () => {
    const id = await articleByA(context, staff, 'draft')
    const update = (day: string) =>
      api(
        editor(),
        `mutation($id: ID!, $d: CalendarDay) { updateArticle(where: { id: $id }, data: { storyDate: $d, version: 1 }) { storyDate } }`,
        { id, d: day }
      )
    expectRefused(await update('2023-02-30'), /"2023-02-30" is not a real date/)
    expectRefused(
      await api(
        editor(),
        `query { articles(where: { storyDate: { equals: "2023-02-30" } }) { id } }`
      ),
      /is not a real date/
    )
    expect(expectAccepted(await update('2024-02-29')).updateArticle).toEqual({
      storyDate: '2024-02-29',
    })
  })

  const publish = (id: string, at: string) =>
    api(
      editor(),
      `mutation($id: ID!, $at: DateTime) { publishArticle(where: { id: $id }, version: 1, publishedAt: $at) { status publishedAt } }`,
      { id, at }
    )

  it.each([
    '2023-02-30T10:00:00Z',
    '2023-02-29T10:00:00Z',
    '2023-13-01T10:00:00Z',
    '2023-07-12T24:00:00Z',
    '2023-07-12T10:00:60Z',
  ])('publishArticle(publishedAt: %j) is refused and the story stays a draft', async at => {
    const id = await articleByA(context, staff, 'draft')
    expectRefused(await publish(id, at), /is not a real date and time/)
    const stored = await context.sudo().db.Article.findOne({ where: { id } })
    expect([stored?.status, stored?.publishedAt, stored?.version]).toEqual(['draft', null, 1])
  })

  it('publishArticle takes a real date and keeps it', async () => {
    const id = await articleByA(context, staff, 'draft')
    const data = expectAccepted(await publish(id, '2024-02-29T10:00:00+07:00'))
    expect(data.publishArticle).toEqual({
      status: 'published',
      publishedAt: '2024-02-29T03:00:00.000Z',
    })
  })
})

describe('body link addresses', () => {
  it.each(['/\\evil.example/p', '//evil.example/p', '/a\\b', '/berita/1 2', 'https:\\\\evil.test'])(
    'refuses %j and stores nothing',
    async href => {
      const before = await articles()
      const link = { type: 'link', href, children: [{ text: 'tautan' }] }
      expectRefused(
        await createWith({ body: [{ type: 'paragraph', children: [link] }] }),
        /Article\.body: .*a link whose address must/
      )
      expect(await articles()).toBe(before)
    }
  )
})
