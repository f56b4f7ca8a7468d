// The same story open in two pages: the second save is refused with the conflict message and
// the first save is kept.
import { expect, it } from 'vitest'
import { gql } from '../helpers/server'
import { productionBrowser, shot, signIn } from './harness'

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
  await second.getByRole('button', { name: 'Save', exact: true }).click()
  const conflict = second.getByText(
    /This story was changed by Arie Novarina at .* you loaded version 2/
  )
  await conflict.first().waitFor()
  await shot(second, 'stale-save', '2-conflict')

  const { body } = await gql(
    e2e.server.url,
    `{ article(where: { slug: "${SEEDED}" }) { summary } }`
  )
  expect(body.data.article.summary).toBe('Ringkasan pertama')
})
