// Every text field has a length fit for its purpose and refuses characters with no place in it
// (docs/content-rules.md), through the GraphQL API as signed-in staff.
import { beforeAll, describe, expect, it } from 'vitest'
import { testContext } from '../helpers/context'
import { articleByA, contextFor, createStaff, type Staff } from '../access/fixtures'
import { act } from '../workflow/act'
import { api, expectAccepted, expectRefused } from './api'

const { context, reset } = await testContext()
let staff: Staff
let publishedId: string
const admin = () => contextFor(context, staff, 'admin')
const editor = () => contextFor(context, staff, 'editor')

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
  publishedId = await articleByA(context, staff, 'published')
})

let n = 0
const fresh = () => `Nama ${++n}`
type List = 'Article' | 'Person' | 'Organization' | 'Place' | 'Tag' | 'RelatedLink' | 'User'
const base: Record<List, () => Record<string, unknown>> = {
  Article: () => ({ headline: fresh() }),
  Person: () => ({ name: fresh() }),
  Organization: () => ({ name: fresh() }),
  Place: () => ({ name: fresh() }),
  Tag: () => ({ name: fresh() }),
  RelatedLink: () => ({ label: fresh() }),
  User: () => ({ name: fresh(), email: `${++n}@warta.test`, password: 'a-long-test-password' }),
}

const create = (list: List, data: Record<string, unknown>) =>
  api(admin(), `mutation($data: ${list}CreateInput!) { create${list}(data: $data) { id } }`, {
    data: { ...base[list](), ...data },
  })
const count = (list: List) => (context.sudo().db[list] as { count(): Promise<number> }).count()

// [list, field, limit, kind]
const fields: [List, string, number, 'single' | 'multi'][] = [
  ['Article', 'headline', 300, 'single'],
  ['Article', 'summary', 1000, 'multi'],
  ['Article', 'dateline', 100, 'single'],
  ['Article', 'sourceCredit', 300, 'single'],
  ['Article', 'copyrightNotice', 300, 'single'],
  ['Article', 'publicationNote', 2000, 'multi'],
  ['Article', 'editorialNote', 5000, 'multi'],
  ['Article', 'originalUrl', 2048, 'single'],
  ['Person', 'name', 200, 'single'],
  ['Person', 'jobTitle', 200, 'single'],
  ['Person', 'description', 5000, 'multi'],
  ['Organization', 'name', 200, 'single'],
  ['Organization', 'shortName', 100, 'single'],
  ['Organization', 'description', 5000, 'multi'],
  ['Organization', 'url', 2048, 'single'],
  ['Place', 'name', 200, 'single'],
  ['Place', 'alternateName', 200, 'single'],
  ['Tag', 'name', 100, 'single'],
  ['RelatedLink', 'label', 300, 'single'],
  ['RelatedLink', 'url', 2048, 'single'],
  ['User', 'name', 200, 'single'],
]
const isUrl = (field: string) => /url$/i.test(field)
const ofLength = (field: string, length: number) =>
  isUrl(field) ? `https://x.test/${'a'.repeat(length - 15)}` : 'a'.repeat(length)

describe.each(fields)('%s.%s (at most %i, %s line)', (list, field, max, kind) => {
  it('takes the limit and refuses one more', async () => {
    expectAccepted(await create(list, { [field]: ofLength(field, max) }))
    const before = await count(list)
    expectRefused(
      await create(list, { [field]: ofLength(field, max + 1) }),
      new RegExp(`${list}\\.${field}: .*no longer than ${max}`)
    )
    expectRefused(await create(list, { [field]: ofLength(field, 90_000) }), /no longer than/)
    expect(await count(list)).toBe(before)
  })

  it.each([
    ['NUL', 'a\u0000b'],
    ['an escape', 'a\u001bb'],
    ['a C1 control', 'a\u0085b'],
    ['a lone surrogate', 'a\ud83cb'],
    ...(kind === 'single' ? [['a line break', 'a\nb']] : []),
  ])('refuses %s', async (_, bad) => {
    const value = isUrl(field) ? `https://x.test/${bad}` : bad
    const before = await count(list)
    expectRefused(
      await create(list, { [field]: value }),
      new RegExp(`${list}\\.${field}: must (not contain|be a single line)`)
    )
    expect(await count(list)).toBe(before)
  })

  if (kind === 'multi') {
    it('keeps line breaks and tabs, storing \\r\\n as \\n', async () => {
      const data = expectAccepted(await create(list, { [field]: 'Satu.\r\n\tDua.' }))
      const id = (data[`create${list}`] as { id: string }).id
      const item = await (
        context.sudo().db[list] as { findOne(a: object): Promise<Record<string, unknown>> }
      ).findOne({ where: { id } })
      expect(item[field]).toBe('Satu.\n\tDua.')
    })
  }
})

describe('updates are held to the same limits', () => {
  it('a 90 KB job title and dateline are refused and nothing changes', async () => {
    const person = await context.sudo().db.Person.createOne({ data: { name: fresh() } })
    expectRefused(
      await api(
        editor(),
        `mutation($id: ID!, $t: String) { updatePerson(where: { id: $id }, data: { jobTitle: $t }) { id } }`,
        { id: person.id, t: 'x'.repeat(90_000) }
      ),
      /Person\.jobTitle: .*no longer than 200/
    )
    const story = await context.sudo().db.Article.createOne({ data: { headline: fresh() } })
    expectRefused(
      await api(
        editor(),
        `mutation($id: ID!, $d: String) { updateArticle(where: { id: $id }, data: { dateline: $d, version: 1 }) { id } }`,
        { id: story.id, d: 'Vilnius\u0000' }
      ),
      /Article\.dateline: must not contain control characters/
    )
    expect((await context.sudo().db.Person.findOne({ where: { id: person.id } }))?.jobTitle).toBe(
      ''
    )
    expect((await context.sudo().db.Article.findOne({ where: { id: story.id } }))?.version).toBe(1)
  })
})

describe('corrections', () => {
  const correct = (note: string) =>
    api(
      editor(),
      `mutation($id: ID!, $note: String!) { createCorrection(data: { article: { connect: { id: $id } }, note: $note }) { id note } }`,
      { id: publishedId, note }
    )

  it('refuse NUL and 2,001 characters, and keep paragraphs', async () => {
    const before = await context.sudo().db.Correction.count()
    expectRefused(await correct('Ralat\u0000'), /Correction\.note: must not contain control/)
    expectRefused(await correct('x'.repeat(2001)), /Correction\.note: .*no longer than 2000/)
    expect(await context.sudo().db.Correction.count()).toBe(before)
    const data = expectAccepted(await correct('Ralat:\r\nnama ditulis salah.'))
    expect((data.createCorrection as { note: string }).note).toBe('Ralat:\nnama ditulis salah.')
  })
})

describe('action notes and reasons', () => {
  const state = async () => {
    const article = await context.sudo().db.Article.findOne({ where: { id: publishedId } })
    const events = await context.sudo().db.ArticleEvent.count()
    return { status: article?.status, version: article?.version, events }
  }

  it.each([
    ['a 90 KB kill reason', 'kill', 'x'.repeat(90_000), /reason must be at most 2000 characters/],
    ['a 90 KB unpublish reason', 'unpublish', 'x'.repeat(90_000), /reason must be at most 2000/],
    ['NUL in a kill reason', 'kill', 'Salah\u0000', /reason must not contain control characters/],
    ['a lone surrogate', 'unpublish', 'Salah \ud800', /reason must not contain a lone surrogate/],
  ] as const)('refuse %s and change nothing', async (_, name, text, message) => {
    const before = await state()
    expectRefused(await act(editor(), name, publishedId, before.version!, text), message)
    expect(await state()).toEqual(before)
  })

  it('refuse a 90 KB note when sending a story back', async () => {
    const id = await articleByA(context, staff, 'in_review')
    const result = await act(editor(), 'sendBack', id, 1, 'n'.repeat(90_000))
    expectRefused(result, /note must be at most 2000 characters/)
    expect((await context.sudo().db.Article.findOne({ where: { id } }))?.status).toBe('in_review')
  })

  it('take a reason with line breaks, stored with \\n', async () => {
    const id = await articleByA(context, staff, 'published')
    expectAccepted(await act(editor(), 'unpublish', id, 1, 'Satu.\r\nDua.'))
    const [event] = await context.sudo().db.ArticleEvent.findMany({
      where: { article: { id: { equals: id } } },
    })
    expect(event?.note).toBe('Satu.\nDua.')
  })
})
