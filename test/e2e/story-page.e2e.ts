// The story page as a newsroom editor first sees it, at 1440×900: the headline, the desk notice,
// the first paragraphs of the body and the workflow buttons, all without scrolling; system
// fields out of the way, the status in words, Warta's name and who is signed in.
import { expect, it } from 'vitest'
import { productionBrowser, shot, signIn } from './harness'

const e2e = productionBrowser('story-page')

const inView = async (locator: import('playwright-core').Locator) => {
  const box = await locator.boundingBox()
  return box !== null && box.y >= 0 && box.y + box.height <= 900
}

it('shows the seeded ANTARA story story-first at 1440×900', async () => {
  const page = await signIn(e2e.browser, e2e.server.url, 'editor')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(`${e2e.server.url}/articles`)
  await page.getByText('Jepang-NATO petakan').first().click()
  const desk = page.getByLabel('Status: Published')
  await page.getByRole('textbox', { name: 'Headline' }).waitFor()
  await page.waitForLoadState('networkidle')
  await shot(page, 'story-page', '1-editor-story-1440x900')
  await desk.waitFor()

  expect(await inView(page.getByRole('textbox', { name: 'Headline' }))).toBe(true)
  expect(await inView(desk)).toBe(true)
  expect(await inView(page.getByRole('button', { name: 'Unpublish', exact: true }))).toBe(true)
  expect(await inView(page.getByRole('button', { name: 'Kill story' }))).toBe(true)
  // The first paragraphs of the body, not just its first line.
  const editor = page.locator('[contenteditable="true"]').first()
  const paragraphs = editor.locator('p')
  expect(await paragraphs.count()).toBeGreaterThanOrEqual(4)
  expect(await inView(paragraphs.nth(2))).toBe(true)
  // Word and paragraph count, in words.
  await page.getByText(/^\d+ words · \d+ paragraphs$/).waitFor()
  // No typed version, no status dropdown, no stamps with "Set to null".
  expect(await page.getByRole('textbox', { name: 'Version' }).count()).toBe(0)
  expect(await page.getByText('Set to null').count()).toBe(0)
  expect(await page.getByRole('button', { name: /^Status/ }).count()).toBe(0)
  // Warta's face: its name, who is signed in with role and account link, 24-hour times.
  await page.getByRole('link', { name: /Warta newsroom/ }).waitFor()
  await page.getByRole('link', { name: 'Your account: Arie Novarina' }).waitFor()
  expect(await page.getByLabel('Signed in').getByText('Editor', { exact: true }).count()).toBe(1)
  await page
    .getByLabel('Record')
    .getByText(/Published: \d+ \w+ \d{4}, \d\d:\d\d WIB/)
    .waitFor()
  expect(await page.title()).toMatch(/^Warta/)
})
