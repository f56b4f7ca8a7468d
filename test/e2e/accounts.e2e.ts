// Corrections and accounts in the Admin UI: an editor corrects a published story; an admin
// creates a reporter account and changes a role; a reporter has no accounts list.
import { expect, it } from 'vitest'
import { content, gql } from '../helpers/server'
import { cookieFor, productionBrowser, shot, signIn } from './harness'

const SEEDED = 'jepang-nato-petakan-bidang-kerja-sama-dalam-program-baru'
const e2e = productionBrowser('accounts')

it('an editor adds a correction that readers then see', async () => {
  const editor = await signIn(e2e.browser, e2e.server.url, 'editor')
  await editor.goto(`${e2e.server.url}/corrections/create`)
  await editor.getByRole('combobox', { name: 'Article' }).fill('Jepang-NATO')
  await editor.getByRole('option', { name: /Jepang-NATO petakan/ }).click()
  await editor.getByRole('textbox', { name: 'Note' }).fill('Nama sekjen NATO diperbaiki.')
  await shot(editor, 'accounts', '1-editor-correction')
  await editor.getByRole('button', { name: 'Create', exact: true }).click()
  await editor.waitForURL(url => !url.pathname.endsWith('/create'))
  // Readers get it from the Content API.
  const { body } = await content(
    e2e.server.url,
    `{ story(slug: "${SEEDED}") { corrections { kind note } } }`
  )
  expect(body.data.story.corrections).toEqual([
    { kind: 'correction', note: 'Nama sekjen NATO diperbaiki.' },
  ])
})

it('an admin creates a reporter account, then makes it an editor', async () => {
  const admin = await signIn(e2e.browser, e2e.server.url, 'admin')
  await admin.goto(`${e2e.server.url}/users/create`)
  await admin.getByRole('textbox', { name: 'Name' }).fill('Reporter Baru')
  await admin.getByRole('textbox', { name: 'Email' }).fill('baru@warta.test')
  await admin.getByRole('button', { name: 'Set password' }).click()
  await admin.locator('input[type="password"]').first().fill('kata-sandi-panjang-baru')
  await admin.locator('input[type="password"]').nth(1).fill('kata-sandi-panjang-baru')
  await shot(admin, 'accounts', '2-admin-creates-account')
  await admin.getByRole('button', { name: 'Create', exact: true }).click()
  await admin.waitForURL(url => !url.pathname.endsWith('/create'))

  await admin
    .getByRole('button', { name: /Reporter/ })
    .first()
    .click()
  await admin.getByRole('option', { name: 'Editor' }).click()
  await admin.getByRole('button', { name: 'Save', exact: true }).click()
  await admin.getByText('Saved changes').waitFor()
  await shot(admin, 'accounts', '3-admin-changed-role')

  const cookie = await cookieFor(e2e.server.url, 'baru@warta.test', 'kata-sandi-panjang-baru')
  const me = await gql(e2e.server.url, '{ authenticatedItem { name role } }', { cookie })
  expect(me.body.data.authenticatedItem).toEqual({ name: 'Reporter Baru', role: 'editor' })
})

it('a reporter has no accounts list (no navigation entry, only their own account), then signs out', async () => {
  const reporter = await signIn(e2e.browser, e2e.server.url, 'reporter')
  expect(await reporter.getByRole('link', { name: 'Users', exact: true }).count()).toBe(0)
  await reporter.goto(`${e2e.server.url}/users`)
  await reporter.getByText('Cindy Frishanti Octavia').first().waitFor()
  await shot(reporter, 'accounts', '4-reporter-accounts')
  expect(await reporter.getByText('Arie Novarina').count()).toBe(0)
  expect(await reporter.getByText('1 User').count()).toBe(1)

  // Sign out ends the session: back to the sign-in page, and the Admin UI is closed again.
  await reporter.getByRole('button', { name: 'Sign out' }).click()
  await reporter.waitForURL(url => url.pathname.endsWith('/signin'))
  await reporter.goto(`${e2e.server.url}/articles`)
  await reporter.waitForURL(url => url.pathname.endsWith('/signin'))
})
