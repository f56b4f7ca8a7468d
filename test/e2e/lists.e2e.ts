// The article list: whole headlines (wrapped, not cut at the column's width), the status as a
// coloured label, and the newsdesk's views in the navigation.
import { expect, it } from 'vitest'
import { gql } from '../helpers/server'
import { cookieFor, productionBrowser, shot, signIn } from './harness'

const e2e = productionBrowser('lists')
const LONG =
  'Pemerintah provinsi siapkan operasi pasar beras medium di 44 kecamatan menjelang Ramadan'

it('shows whole headlines and the status as a coloured label', async () => {
  const cookie = await cookieFor(e2e.server.url, 'editor@warta.test')
  const { body } = await gql(
    e2e.server.url,
    `mutation($h: String!) { createArticle(data: { headline: $h }) { id } }`,
    { cookie, variables: { h: LONG } }
  )
  expect(body.errors).toBeUndefined()
  const page = await signIn(e2e.browser, e2e.server.url, 'editor')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(`${e2e.server.url}/articles`)
  const cell = page.getByText(LONG, { exact: true })
  await cell.waitFor()
  await shot(page, 'lists', '1-articles')
  // Nothing of the headline is cut off: the text fits the box it is drawn in.
  const cut = await cell.evaluate(
    el => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1
  )
  expect(cut).toBe(false)
  // The status is a label in words, coloured by its tone.
  await page
    .getByRole('row', { name: new RegExp(LONG) })
    .getByText('Draft', { exact: true })
    .waitFor()
  await page.getByText('Published', { exact: true }).first().waitFor()
  // Times as the newsroom writes them: 24-hour, in its time zone (Asia/Jakarta by default).
  await page
    .getByRole('row', { name: new RegExp(LONG) })
    .getByText(/^\d{1,2} \w{3} \d{4}, \d\d:\d\d WIB$/)
    .waitFor()
  // The newsdesk views stay in the navigation.
  for (const view of ['In review', 'My drafts', 'Published today']) {
    await page.getByRole('link', { name: view, exact: true }).waitFor()
  }
})
