// The story's workflow as a newsroom sees it: the create form asks only what a new story needs;
// a story without body or author shows Publish disabled with the server's reason (the page shows
// what src/workflow/buttons.ts computes); corrections are added and listed on the story's page;
// Kill is red and waits for the reason.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import type { WorkflowButton } from '../../src/workflow/buttons'
import { gql } from '../helpers/server'
import { cookieFor, productionBrowser, shot, signIn } from './harness'

const e2e = productionBrowser('workflow-face')
let editor: Page

/** The buttons src/workflow/buttons.ts gives the editor on this story (through the API). */
async function buttonsFor(id: string): Promise<WorkflowButton[]> {
  const cookie = await cookieFor(e2e.server.url, 'editor@warta.test')
  const { body } = await gql(
    e2e.server.url,
    `{ article(where: { id: "${id}" }) { desk { buttons } } }`,
    {
      cookie,
    }
  )
  return body.data.article.desk.buttons
}

it('creates a story from a form that asks only what a new story needs', async () => {
  editor = await signIn(e2e.browser, e2e.server.url, 'editor')
  await editor.setViewportSize({ width: 1440, height: 900 })
  await editor.goto(`${e2e.server.url}/articles/create`)
  await editor.getByLabel('Headline').waitFor()
  await shot(editor, 'workflow-face', '1-create-form')
  // No system fields nor the story's later records (the navigation's list links aside).
  for (const absent of ['Corrections', 'History', 'Version', 'Status', 'Published At', 'Desk']) {
    const all = await editor.getByText(absent, { exact: true }).count()
    const inNav = await editor.getByRole('navigation').getByText(absent, { exact: true }).count()
    expect({ absent, count: all - inNav }).toEqual({ absent, count: 0 })
  }
  expect(await editor.getByText('Set to null').count()).toBe(0)
  await editor.getByLabel('Headline').fill('Banjir rob genangi pesisir utara Jakarta')
  await editor.getByRole('button', { name: 'Create', exact: true }).click()
  await editor.waitForURL(url => !url.pathname.endsWith('/create'))
})

it('disables Publish on a story with no body and no author, and says why', async () => {
  const id = editor.url().split('/').pop()!
  await editor.getByRole('textbox', { name: 'Headline' }).waitFor()
  await editor.waitForLoadState('networkidle')
  await shot(editor, 'workflow-face', '2-publish-disabled-with-reason')
  const desk = editor.getByLabel('Status: Draft')
  await desk.waitFor()
  await desk.getByText('To publish a story it needs a body, at least one author').waitFor()
  // The page shows exactly what the shared function computes for this editor and story.
  for (const button of await buttonsFor(id)) {
    const name = button.destructive ? `${button.label} story` : button.label
    const shown = editor.getByRole('button', { name, exact: true })
    if (button.mode === 'hidden') {
      expect({ name, count: await shown.count() }).toEqual({ name, count: 0 })
    } else {
      expect({ name, enabled: await shown.isEnabled() }).toEqual({
        name,
        enabled: button.mode === 'enabled',
      })
    }
  }
  expect(await editor.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true)
  await shot(editor, 'workflow-face', '2-publish-disabled-with-reason')
})

it('adds a correction from the story page and lists it there', async () => {
  await editor.goto(`${e2e.server.url}/articles`)
  await editor.getByText('Jepang-NATO petakan').first().click()
  await editor.getByLabel('Status: Published').waitFor()
  await editor.getByRole('button', { name: 'Add correction', exact: true }).click()
  const dialog = editor.getByRole('dialog')
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Nama Sekjen NATO diperbaiki.')
  await shot(editor, 'workflow-face', '3-add-correction-dialog')
  await dialog.getByRole('button', { name: /^Yes, / }).click()
  await dialog.waitFor({ state: 'detached' })
  const listed = editor.getByText('Nama Sekjen NATO diperbaiki.').first()
  await listed.waitFor()
  // Listed in the story's Corrections table: scrolled to, for the screenshot.
  await listed.scrollIntoViewIfNeeded()
  await shot(editor, 'workflow-face', '4-correction-listed')
})

it('offers Kill as a red button whose confirm waits for the reason', async () => {
  await editor.reload()
  const kill = editor.getByRole('button', { name: 'Kill story', exact: true })
  await kill.waitFor()
  // Keystone's grey action buttons do not include Kill; the desk's red one is the only one.
  expect(await editor.getByRole('button', { name: 'Kill', exact: true }).count()).toBe(0)
  await kill.click()
  const dialog = editor.getByRole('alertdialog')
  const confirm = dialog.getByRole('button', { name: 'Kill story', exact: true })
  expect(await confirm.isDisabled()).toBe(true)
  await shot(editor, 'workflow-face', '5-kill-dialog-waits-for-reason')
  await dialog.getByRole('textbox').fill('   ')
  expect(await confirm.isDisabled()).toBe(true)
  await dialog.getByRole('textbox').fill('Ditarik atas permintaan narasumber.')
  expect(await confirm.isEnabled()).toBe(true)
  await shot(editor, 'workflow-face', '6-kill-dialog-reason-typed')
  await confirm.click()
  const desk = editor.getByLabel('Status: Killed')
  await desk.waitFor()
  await desk.getByText('Ditarik atas permintaan narasumber.').waitFor()
  await shot(editor, 'workflow-face', '7-killed')
})
