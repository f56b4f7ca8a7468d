// Invisible format characters (src/fields/text-rules.ts) through the GraphQL API: refused in
// single-line fields and in action reasons with a message naming the field, nothing written.
import { beforeAll, describe, expect, it } from 'vitest'
import { testContext } from '../helpers/context'
import { articleByA, contextFor, createStaff, type Staff } from '../access/fixtures'
import { act } from '../workflow/act'
import { api, expectAccepted, expectRefused } from './api'

const { context, reset } = await testContext()
let staff: Staff
const editor = () => contextFor(context, staff, 'editor')

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
})

const BAD = [
  '\u202e',
  '\u2066',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u200b',
  '\ufeff',
  '\u{E0001}',
]

describe.each([
  ['Tag', 'name'],
  ['Person', 'name'],
  ['Person', 'jobTitle'],
  ['Place', 'name'],
  ['Organization', 'shortName'],
])('%s.%s', (list, field) => {
  it.each(BAD.map(c => [c.codePointAt(0)!.toString(16).toUpperCase(), c]))(
    'refuses U+%s',
    async (_, c) => {
      const db = context.sudo().db[list as 'Tag'] as { count(): Promise<number> }
      const before = await db.count()
      const data = { name: `Nama ${Math.random()}`, [field]: `Tag x${c}y` }
      expectRefused(
        await api(
          editor(),
          `mutation($d: ${list}CreateInput!) { create${list}(data: $d) { id } }`,
          {
            d: data,
          }
        ),
        new RegExp(`${list}\\.${field}: must not contain invisible formatting characters`)
      )
      expect(await db.count()).toBe(before)
    }
  )

  it('keeps ZWNJ and ZWJ', async () => {
    const data = { name: `Nama ${Math.random()}`, [field]: 'می\u200cخواهم 👩\u200d💻' }
    expectAccepted(
      await api(editor(), `mutation($d: ${list}CreateInput!) { create${list}(data: $d) { id } }`, {
        d: data,
      })
    )
  })
})

describe('action reasons', () => {
  it.each([
    ['kill', 'Retracted \u202egnp.exe'],
    ['kill', 'Dicabut\u2067'],
    ['unpublish', 'Salah\u200b'],
  ] as const)('%s refuses %j and changes nothing', async (name, reason) => {
    const id = await articleByA(context, staff, 'published')
    const before = await context.sudo().db.Article.findOne({ where: { id } })
    expectRefused(
      await act(editor(), name, id, before!.version!, reason),
      /reason must not contain invisible formatting characters/
    )
    const after = await context.sudo().db.Article.findOne({ where: { id } })
    expect(after?.status).toBe('published')
    expect(after?.version).toBe(before?.version)
  })
})
