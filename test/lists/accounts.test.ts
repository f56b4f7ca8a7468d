// Accounts: an e-mail address is one identity whatever its case, and common or guessable
// passwords are refused on create and on change, with a clear message and nothing written.
import { beforeEach, describe, expect, it } from 'vitest'
import { asStaff, failureOf, testContext } from '../helpers/context'

const { context, reset } = await testContext()
const sudo = () => context.sudo()
const STRONG = 'bakso-malang-pakai-mie-kuning'

beforeEach(reset)

const create = (email: string, password = STRONG, name = 'Redaktur') =>
  sudo().db.User.createOne({ data: { name, email, password, role: 'editor' } })
const emails = async () =>
  (await sudo().query.User.findMany({ query: 'email', orderBy: { email: 'asc' } })).map(
    u => u.email as string
  )

describe('e-mail addresses', () => {
  it('are stored trimmed and lowercased', async () => {
    await create('  Editor@Warta.TEST ')
    expect(await emails()).toEqual(['editor@warta.test'])
  })

  it('differing only in case are one identity: the second is refused', async () => {
    await create('editor@warta.test')
    for (const spelling of ['Editor@Warta.test', 'EDITOR@WARTA.TEST', ' editor@warta.test']) {
      const error = await failureOf(() => create(spelling))
      expect(error).toMatch(/User\.email: is already used by another account/)
      expect(error).not.toMatch(/prisma|constraint|sqlite|unique/i)
    }
    expect(await emails()).toEqual(['editor@warta.test'])
  })

  it('cannot be changed to another account’s address in another case', async () => {
    await create('editor@warta.test')
    const other = await create('reporter@warta.test')
    const error = await failureOf(() =>
      sudo().db.User.updateOne({ where: { id: other.id }, data: { email: 'Editor@Warta.Test' } })
    )
    expect(error).toMatch(/User\.email: is already used/)
    expect(await emails()).toEqual(['editor@warta.test', 'reporter@warta.test'])
  })

  it('are found by a unique lookup in lower case after a mixed-case write', async () => {
    const user = await create('Desk@Warta.Test')
    const found = await sudo().db.User.findOne({ where: { email: 'desk@warta.test' } })
    expect(found?.id).toBe(user.id)
  })
})

describe('common passwords', () => {
  const COMMON = [
    'password123',
    'qwertyuiop',
    '1234567890',
    'iloveyou12',
    'Password1!',
    'p@ssw0rd123',
  ]

  it('are refused when an account is created, naming the problem', async () => {
    for (const password of COMMON) {
      const error = await failureOf(() => create('baru@warta.test', password))
      expect(error, password).toMatch(/User\.password: is too common or too easy to guess/)
    }
    expect(await emails()).toEqual([])
    // Long passphrases pass, and the minimum length still holds.
    await create('a@warta.test', 'kopi-tubruk-di-meja-redaksi')
    await create('b@warta.test', 'correct horse battery')
    expect(await failureOf(() => create('c@warta.test', 'Xq7#v2'))).toMatch(
      /User\.password: value must be at least 10 characters long/
    )
    expect(await emails()).toEqual(['a@warta.test', 'b@warta.test'])
  })

  it('are refused when a password is changed, by the owner or an admin, and nothing changes', async () => {
    const user = await create('reporter@warta.test')
    const owner = asStaff(context, { id: String(user.id), role: 'reporter' })
    const before = await context.prisma.user.findUnique({ where: { id: String(user.id) } })
    for (const db of [owner.db, sudo().db]) {
      const error = await failureOf(() =>
        db.User.updateOne({ where: { id: String(user.id) }, data: { password: 'password123' } })
      )
      expect(error).toMatch(/User\.password: is too common/)
    }
    const after = await context.prisma.user.findUnique({ where: { id: String(user.id) } })
    expect(after?.password).toBe(before?.password)
  })

  it('made of the account’s own e-mail or name are refused', async () => {
    expect(
      await failureOf(() => create('arie.novarina@warta.test', 'arie.novarina@warta.test'))
    ).toMatch(/User\.password: is too common/)
  })
})
