// The same story open in two pages: the second save is refused with the conflict message and
// the first save is kept.
import { expect, it } from 'vitest'
import { content, gql } from '../helpers/server'
import { cookieFor, productionBrowser, shot, signIn } from './harness'

const SEEDED = 'jepang-nato-petakan-bidang-kerja-sama-dalam-program-baru'
const e2e = productionBrowser('stale-save')

it('a stale save shows the conflict message and loses nothing', async () => {
  const first = await signIn(e2e.browser, e2e.server.url, 'editor')
  const second = await signIn(e2e.browser, e2e.server.url, 'admin')
  for (const page of [first, second]) {
    await page.goto(`${e2e.server.url}/articles`)
    await page.getByText('Jepang-NATO petakan').first().click()
    await page.getByLabel('Summary').waitFor()
  }
  await first.getByLabel('Summary').fill('Ringkasan pertama')
  await first.getByRole('button', { name: 'Save', exact: true }).click()
  await first.getByText('Saved changes').waitFor()
  await shot(first, 'stale-save', '1-first-saved')

  await second.getByLabel('Summary').fill('Ringkasan kedua')
  // Coming back to the tab re-checks the server's copy: the page warns before any save.
  await second.evaluate(() => window.dispatchEvent(new Event('focus')))
  const warning = second.getByLabel('Changed elsewhere')
  await warning
    .getByText(/Arie Novarina saved this story .* version 3, and you have version 2/)
    .waitFor()
  await shot(second, 'stale-save', '2-warned-before-saving')

  // Saving anyway is refused, and "Details" gives the whole reason.
  await second.getByRole('button', { name: 'Save', exact: true }).click()
  await second.getByText('Unable to save item').first().waitFor()
  await second.getByRole('button', { name: 'Details' }).click()
  await second
    .getByRole('dialog')
    .getByText(/This story was changed by Arie Novarina at .* you loaded version 2/)
    .first()
    .waitFor()
  await shot(second, 'stale-save', '3-conflict-details')
  // The reporter's text is still in the form, to copy from.
  await second.keyboard.press('Escape')
  expect(await second.getByLabel('Summary').inputValue()).toBe('Ringkasan kedua')

  // The first save is the one kept, in the working copy: readers (the Content API) still get
  // the live copy until an editor publishes the changes.
  const cookie = await cookieFor(e2e.server.url, 'editor@warta.test')
  const kept = await gql(e2e.server.url, `{ article(where: { slug: "${SEEDED}" }) { summary } }`, {
    cookie,
  })
  expect((kept.body as { data: { article: { summary: string } } }).data.article.summary).toBe(
    'Ringkasan pertama'
  )
  const { body } = await content(e2e.server.url, `{ story(slug: "${SEEDED}") { summary } }`)
  expect(body.data.story.summary).not.toMatch(/Ringkasan (pertama|kedua)/)
})
