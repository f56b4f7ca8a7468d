// The published dev password (and the WARTA_DEV_PASSWORD in use) cannot be an account's password
// when set through the API, on create or change; the seed's dev accounts still get it outside
// production (src/accounts/dev-password.ts).
import { beforeEach, describe, expect, it } from 'vitest'
import { env } from '../../src/env'
import { seed } from '../../src/seed/seed'
import { asStaff, testContext } from '../helpers/context'
import { api, expectAccepted, expectRefused } from './api'

const { context, reset } = await testContext()
const STRONG = 'bakso-malang-pakai-mie-kuning'
let admin: ReturnType<typeof asStaff>
let adminId: string

beforeEach(async () => {
  await reset()
  const user = await context.sudo().db.User.createOne({
    data: { name: 'Admin', email: 'kepala@warta.test', password: STRONG, role: 'admin' },
  })
  adminId = String(user.id)
  admin = asStaff(context, { id: adminId, role: 'admin' })
})

const DEV = ['warta-dev-password', 'Warta-Dev-Password', ' warta-dev-password ', env.devPassword]
const users = () => context.sudo().db.User.count()
const createUser = (password: string) =>
  api(admin, `mutation($d: UserCreateInput!) { createUser(data: $d) { id } }`, {
    d: { name: 'Redaktur', email: `r${Math.random()}@warta.test`, password, role: 'editor' },
  })

describe('createUser', () => {
  it.each(DEV)('refuses %j and creates nothing', async password => {
    const before = await users()
    expectRefused(
      await createUser(password),
      /User\.password: is the published development password/
    )
    expect(await users()).toBe(before)
  })

  it('refuses a dev password with a digit added, as guessable', async () => {
    expectRefused(await createUser('warta-dev-password1'), /User\.password: /)
  })

  it('accepts a password of its own', async () => {
    expectAccepted(await createUser(STRONG + '-lagi'))
  })
})

it('updateUser refuses the dev password, for another account and one’s own', async () => {
  const data = expectAccepted(await createUser(STRONG))
  const id = (data.createUser as { id: string }).id
  for (const target of [id, adminId]) {
    expectRefused(
      await api(
        admin,
        `mutation($id: ID!, $p: String) { updateUser(where: { id: $id }, data: { password: $p }) { id } }`,
        { id: target, p: 'warta-dev-password' }
      ),
      /User\.password: is the published development password/
    )
  }
})

it('the seed still gives its dev accounts the dev password outside production', async () => {
  await seed(context, { devAccounts: true })
  const emails = await context.sudo().query.User.findMany({ query: 'email' })
  expect(emails.map(u => u.email)).toEqual(
    expect.arrayContaining(['admin@warta.test', 'editor@warta.test', 'reporter@warta.test'])
  )
  // Signing in with it is tested over HTTP (test/http/account-identity.test.ts).
})
