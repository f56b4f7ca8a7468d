// A refused workflow action says why, in the server's words, in the toast itself; and neither
// the toast nor its Details shows a JavaScript stack trace (production build).
import { expect, it } from 'vitest'
import { gql } from '../helpers/server'
import { cookieFor, productionBrowser, shot, signIn } from './harness'

const SEEDED = 'jepang-nato-petakan-bidang-kerja-sama-dalam-program-baru'
const e2e = productionBrowser('plain-errors')

it('a refused Unpublish names the reason in the toast, with no stack trace', async () => {
  const editor = await signIn(e2e.browser, e2e.server.url, 'editor')
  await editor.setViewportSize({ width: 1440, height: 900 })
  await editor.goto(`${e2e.server.url}/articles`)
  await editor.getByText('Jepang-NATO petakan').first().click()
  await editor.getByLabel('Status: Published').waitFor()

  // Someone else saves the story meanwhile: this page's version is now stale.
  const cookie = await cookieFor(e2e.server.url, 'admin@warta.test')
  const { body } = await gql(
    e2e.server.url,
    `mutation { updateArticle(where: { slug: "${SEEDED}" }, data: { version: 2, summary: "Ringkasan" }) { version } }`,
    { cookie }
  )
  expect(body.errors).toBeUndefined()

  await editor.getByRole('button', { name: 'Unpublish', exact: true }).click()
  await editor.getByRole('dialog').locator('textarea').fill('Perlu verifikasi ulang')
  await editor.getByRole('button', { name: /^Yes, / }).click()
  const toast = editor
    .getByText(
      /: This story was changed by Warta Admin at \d+ \w+ \d{4}, \d\d:\d\d WIB .*you loaded version 2/
    )
    .first()
  await toast.waitFor()
  await shot(editor, 'plain-errors', '1-refusal-in-toast')
  await editor.getByRole('button', { name: 'Details' }).click()
  const details = editor.getByRole('dialog', { name: 'Error details' })
  await details.waitFor()
  await editor.waitForTimeout(500) // the dialog's fade-in, for a legible screenshot
  await shot(editor, 'plain-errors', '2-details-without-stack')
  const text = await details.innerText()
  expect(text).toMatch(/This story was changed by/)
  // No stack frames ("at fn (file.js:1:2)"), no chunk paths.
  expect(text).not.toMatch(/\bat .*(?:\.js|<anonymous>)/)
  expect(text).not.toMatch(/_next\/static/)
})

it('a refused save names the reason next to the field it concerns', async () => {
  const cookie = await cookieFor(e2e.server.url, 'editor@warta.test')
  const { body } = await gql(
    e2e.server.url,
    `mutation { createArticle(data: { headline: "Banjir rob di pesisir" }) { id } }`,
    { cookie }
  )
  const editor = await signIn(e2e.browser, e2e.server.url, 'editor')
  await editor.setViewportSize({ width: 1440, height: 900 })
  await editor.goto(`${e2e.server.url}/articles/${body.data.createArticle.id}`)
  const slug = editor.getByRole('textbox', { name: 'Slug' })
  await slug.waitFor()
  await slug.fill(SEEDED)
  await editor.getByRole('button', { name: 'Save', exact: true }).click()
  await editor
    .getByText(/^Unable to save item/)
    .first()
    .waitFor()
  await shot(editor, 'plain-errors', '3-refusal-next-to-field')
  // Under the Slug box, the reason alone (the toast's text starts "Unable to save item: ").
  const note = editor.getByText(`"${SEEDED}" is already used by another Article`, { exact: true })
  await note.waitFor()
  const [box, field] = [await note.boundingBox(), await slug.boundingBox()]
  expect(box!.y - (field!.y + field!.height)).toBeLessThan(40)
  await editor
    .getByText(/^Unable to save item: .*already used by another Article/)
    .first()
    .waitFor()
})
