// The newsroom's round trip in the Admin UI: a reporter writes and submits, an editor sends it
// back with a note, the reporter fixes and resubmits, the editor publishes, readers get it.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { content, gql } from '../helpers/server'
import { cookieFor, productionBrowser, shot, signIn } from './harness'

const HEADLINE = 'Harga beras naik di Jakarta'
let reporter: Page
let editor: Page
let storyUrl: string
const e2e = productionBrowser('newsroom')

async function confirmAction(page: Page, button: string, text?: string) {
  await page.getByRole('button', { name: button, exact: true }).click()
  if (text) await page.getByRole('dialog').locator('textarea').fill(text)
  await page.getByRole('button', { name: /^Yes, / }).click()
  await page.getByRole('dialog').waitFor({ state: 'detached' })
}

let staffCookie: string
/** The story's status as staff see it (readers see only published stories, at the Content API). */
async function statusOf(url: string) {
  staffCookie ??= await cookieFor(e2e.server.url, 'admin@warta.test')
  const id = url.split('/').pop()
  const { body } = await gql(e2e.server.url, `{ article(where: { id: "${id}" }) { status } }`, {
    cookie: staffCookie,
  })
  return body.data.article?.status ?? null
}

it('reporter writes a story with two paragraphs, a dateline and a read-also link, then submits it', async () => {
  reporter = await signIn(e2e.browser, e2e.server.url, 'reporter')
  await reporter.goto(`${e2e.server.url}/articles/create`)
  await reporter.getByLabel('Headline').fill(HEADLINE)
  await reporter.locator('[contenteditable="true"]').first().click()
  await reporter.keyboard.type('Harga beras medium naik 5 persen pekan ini.')
  await reporter.keyboard.press('Enter')
  await reporter.keyboard.type('Pedagang di Pasar Induk Cipinang mengeluhkan pasokan.')
  await reporter.getByRole('textbox', { name: 'Dateline', exact: true }).fill('Jakarta')
  await shot(reporter, 'newsroom', '1-reporter-writes')
  await reporter.getByRole('button', { name: 'Create', exact: true }).click()
  await reporter.waitForURL(url => !url.pathname.endsWith('/create'))
  storyUrl = reporter.url()

  await reporter.getByRole('button', { name: 'Actions for Related Links' }).click()
  await reporter.getByRole('menuitem', { name: 'Add related link' }).click()
  const dialog = reporter.getByRole('dialog')
  await dialog.getByLabel('Label').fill('Bulog siapkan operasi pasar')
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
  const save = reporter.getByRole('button', { name: 'Save', exact: true })
  if (await save.isEnabled()) {
    await save.click()
    await reporter.getByText('Saved changes').waitFor()
  }
  // A never-published draft of one's own may be deleted, and the page offers exactly that.
  await reporter.getByRole('button', { name: 'Delete draft' }).waitFor()
  await shot(reporter, 'newsroom', '2-reporter-link')

  await confirmAction(reporter, 'Submit for review')
  expect(await statusOf(storyUrl)).toBe('in_review')
  await reporter.reload()
  await reporter.getByRole('button', { name: 'Retract' }).waitFor()
  expect(await reporter.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0)
  expect(await reporter.getByRole('button', { name: /^Delete/ }).count()).toBe(0)
  await shot(reporter, 'newsroom', '3-reporter-submitted-no-publish')
})

it('editor finds it in review and sends it back with a note; the reporter sees the note', async () => {
  editor = await signIn(e2e.browser, e2e.server.url, 'editor')
  await editor.getByRole('link', { name: 'In review', exact: true }).click()
  await editor.waitForURL(url => url.search.includes('in_review'))
  await editor.getByRole('heading', { name: 'Articles', exact: true }).waitFor()
  // The seeded story is published, so the only story in review is the reporter's.
  await editor.getByText(HEADLINE, { exact: true }).waitFor()
  expect(await editor.getByText(/Jepang-NATO/).count()).toBe(0)
  await shot(editor, 'newsroom', '4a-editor-in-review-list')
  await editor.getByText(HEADLINE, { exact: true }).click()
  await confirmAction(editor, 'Send back', 'Tambahkan data dari Bulog')
  expect(await statusOf(storyUrl)).toBe('draft')
  await shot(editor, 'newsroom', '4-editor-sent-back')

  // The reporter finds it under "My drafts", with the editor's note at the top of its page.
  await reporter.getByRole('link', { name: 'My drafts', exact: true }).click()
  await reporter.waitForURL(url => url.search.includes('authors_some'))
  await reporter.getByRole('heading', { name: 'Articles', exact: true }).waitFor()
  await shot(reporter, 'newsroom', '5a-reporter-my-drafts')
  await reporter.getByText(HEADLINE, { exact: true }).click()
  // The Admin UI first shows the copy it cached before the send-back; the page notices.
  await reporter.getByLabel('Changed elsewhere').waitFor()
  await shot(reporter, 'newsroom', '5b-reporter-sees-newer-version')
  await reporter.getByRole('button', { name: 'Reload the story' }).click()
  const desk = reporter.getByLabel('Status: Draft')
  await desk.getByText('Sent back by Arie Novarina').waitFor()
  await desk.getByText('Tambahkan data dari Bulog').waitFor()
  await shot(reporter, 'newsroom', '5-reporter-sees-note')
})

it('reporter edits and resubmits; editor publishes; readers get it from the Content API', async () => {
  await reporter.getByLabel('Summary').fill('Bulog menyiapkan operasi pasar.')
  await reporter.getByRole('button', { name: 'Save', exact: true }).click()
  await reporter.getByText('Saved changes').waitFor()
  await confirmAction(reporter, 'Submit for review')
  expect(await statusOf(storyUrl)).toBe('in_review')

  await editor.reload()
  await confirmAction(editor, 'Publish')
  expect(await statusOf(storyUrl)).toBe('published')
  await editor.reload()
  await editor.getByRole('button', { name: 'Unpublish' }).waitFor()
  await editor.getByLabel('Status: Published').waitFor()
  // Published stories are unpublished or killed, never deleted: no Delete is offered.
  expect(await editor.getByRole('button', { name: /^Delete/ }).count()).toBe(0)
  await shot(editor, 'newsroom', '6-editor-published')
  await editor.getByRole('link', { name: 'Published today', exact: true }).click()
  await editor.waitForURL(url => url.search.includes('publishedAt_gt'))
  await editor.getByRole('heading', { name: 'Articles', exact: true }).waitFor()
  await editor.getByText(HEADLINE, { exact: true }).waitFor()
  // The seeded story went out in 2023: not today's.
  expect(await editor.getByText(/Jepang-NATO/).count()).toBe(0)
  await shot(editor, 'newsroom', '7-editor-published-today')

  // The newest published story, as a readers' frontend asks for it (no session).
  const { body } = await content(
    e2e.server.url,
    `{ stories(first: 1) { nodes {
      headline status publishedAt dateline summary authors { name } body { document }
      relatedLinks { label }
    } } }`
  )
  const [story] = body.data.stories.nodes
  expect(story).toMatchObject({
    headline: HEADLINE,
    status: 'PUBLISHED',
    dateline: 'Jakarta',
    summary: 'Bulog menyiapkan operasi pasar.',
    authors: [{ name: 'Cindy Frishanti Octavia' }],
    relatedLinks: [{ label: 'Bulog siapkan operasi pasar' }],
  })
  expect(story.body.document).toHaveLength(2)
  expect(Date.parse(story.publishedAt)).toBeGreaterThan(Date.now() - 10 * 60_000)
})
