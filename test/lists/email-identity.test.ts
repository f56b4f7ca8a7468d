// An e-mail address is one identity however it is spelled: look-alike spellings (zero-width or
// bidi characters, full-width letters, combining accents, controls) are folded into the account
// they imitate or refused, on create and update, through the admin's GraphQL API
// (src/accounts/email.ts, src/lists/user.ts).
import { beforeEach, describe, expect, it } from 'vitest'
import { emailProblem, normalizeEmail } from '../../src/accounts/email'
import { asStaff, testContext } from '../helpers/context'
import { api, expectAccepted, expectRefused } from './api'

const { context, reset } = await testContext()
const STRONG = 'bakso-malang-pakai-mie-kuning'
let admin: ReturnType<typeof asStaff>

beforeEach(async () => {
  await reset()
  const user = await context.sudo().db.User.createOne({
    data: { name: 'Admin', email: 'admin@warta.test', password: STRONG, role: 'admin' },
  })
  admin = asStaff(context, { id: String(user.id), role: 'admin' })
  await createUser('editor@warta.test')
})

const createUser = (email: string) =>
  api(admin, `mutation($d: UserCreateInput!) { createUser(data: $d) { id email } }`, {
    d: { name: 'Redaktur', email, password: STRONG, role: 'editor' },
  })
const emails = async () =>
  (await context.sudo().query.User.findMany({ query: 'email', orderBy: { email: 'asc' } })).map(
    u => u.email as string
  )

const INVISIBLE = [
  'editor@warta.test\u200b',
  'edi\u200btor@warta.test',
  'editor\u200d@warta.test',
  'editor@warta.test\u200e',
  '\u202eeditor@warta.test',
  'editor@warta\u2060.test',
  'editor@warta.test\u00ad',
  'editor@war ta.test',
  'editor@warta.test\u00a0x',
  'edi\u0000tor@warta.test',
  'editor@warta.test\u{E0001}',
]
const NOT_ASCII = [
  'e\u0301ditor@warta.test',
  'еditor@warta.test' /* Cyrillic е */,
  'editör@warta.test',
]
const NOT_AN_ADDRESS = [
  'editor',
  'editor@',
  '@warta.test',
  'a@b',
  'a@@b.test',
  'a..b@warta.test',
  'a@-x.test',
]

describe('the rule', () => {
  it.each(INVISIBLE)('refuses %j as invisible', email =>
    expect(emailProblem(email)).toMatch(/invisible or control/)
  )
  it.each(NOT_ASCII)('refuses %j as not plain ASCII', email =>
    expect(emailProblem(email)).toMatch(/plain ASCII/)
  )
  it.each(NOT_AN_ADDRESS)('refuses %j as not an address', email =>
    expect(emailProblem(email)).toMatch(/must be an email address/)
  )
  it.each([
    ['ｅditor@warta.test', 'editor@warta.test'],
    ['ＥＤＩＴＯＲ＠ＷＡＲＴＡ．ＴＥＳＴ', 'editor@warta.test'],
    ['  Editor@Warta.Test\t', 'editor@warta.test'],
    ['redaksi+desk@xn--wrta-loa.test', 'redaksi+desk@xn--wrta-loa.test'],
  ])('folds %j into %j', (typed, stored) => {
    expect(emailProblem(typed)).toBeNull()
    expect(normalizeEmail(typed)).toBe(stored)
  })
})

describe('through the API', () => {
  it.each([...INVISIBLE, ...NOT_ASCII, ...NOT_AN_ADDRESS])(
    'createUser refuses %j and creates nothing',
    async email => {
      expectRefused(await createUser(email), /User\.email: must/)
      expect(await emails()).toEqual(['admin@warta.test', 'editor@warta.test'])
    }
  )

  it.each(['ｅditor@warta.test', 'ＥＤＩＴＯＲ@warta.test'])(
    'a full-width spelling is the existing account: %j is refused as taken',
    async email => {
      expectRefused(await createUser(email), /User\.email: is already used by another account/)
      expect(await emails()).toEqual(['admin@warta.test', 'editor@warta.test'])
    }
  )

  it('updateUser refuses a look-alike and keeps the address', async () => {
    const data = expectAccepted(await createUser('desk@warta.test'))
    const id = (data.createUser as { id: string }).id
    for (const email of ['desk@warta.test\u200b', 'dësk@warta.test', 'ｅditor@warta.test']) {
      expectRefused(
        await api(
          admin,
          `mutation($id: ID!, $e: String) { updateUser(where: { id: $id }, data: { email: $e }) { id } }`,
          { id, e: email }
        ),
        /User\.email: (must|is already used)/
      )
    }
    expect(await emails()).toContain('desk@warta.test')
  })

  it('a full-width spelling is stored in its plain form', async () => {
    const data = expectAccepted(await createUser('ｄesk@warta.test'))
    expect((data.createUser as { email: string }).email).toBe('desk@warta.test')
  })
})
