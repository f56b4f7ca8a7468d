// Issue 12 §8: the Admin UI works under the Content-Security-Policy every response carries:
// the sign-in page, a list page and a story's item page render in Chromium, with no policy
// violation reported by the browser.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { gql } from '../helpers/server'
import { cookieFor, PASSWORD, productionBrowser, shot } from './harness'

const run = productionBrowser('csp')

/** A page that records every CSP violation: the browser's events and its console messages. */
async function watchedPage() {
  const context = await run.browser.newContext({ viewport: { width: 1280, height: 900 } })
  await context.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = [])
    document.addEventListener('securitypolicyviolation', event =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`)
    )
  })
  const page = await context.newPage()
  const console: string[] = []
  page.on('console', message => {
    if (/content security policy|refused to/i.test(message.text())) console.push(message.text())
  })
  const violations = async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)),
  ]
  return { page, violations }
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle')
}

describe('the Admin UI under the Content-Security-Policy', () => {
  it('signs in, lists stories and opens one, with no violation', async () => {
    const base = run.server.url
    const { page, violations } = await watchedPage()

    const signInPage = await page.goto(`${base}/signin`)
    expect(signInPage!.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    await settle(page)
    await page.getByLabel('Email').waitFor()
    expect(await violations()).toEqual([])

    await page.getByLabel('Email').fill('editor@warta.test')
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD)
    await page.getByRole('button', { name: /sign in/i }).click()
    await page.waitForURL(url => !url.pathname.includes('signin'))
    await settle(page)

    const list = await page.goto(`${base}/articles`)
    expect(list!.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    await settle(page)
    await page
      .getByText(/Jepang-NATO/)
      .first()
      .waitFor()
    await shot(page, 'csp', 'list-page')
    expect(await violations()).toEqual([])

    const cookie = await cookieFor(base, 'editor@warta.test')
    const { body } = await gql(base, '{ articles(take: 1) { id headline } }', { cookie })
    const story = body.data.articles[0] as { id: string; headline: string }
    await page.goto(`${base}/articles/${story.id}`)
    await settle(page)
    await page.getByRole('heading', { name: story.headline }).first().waitFor()
    await page.getByRole('textbox', { name: 'Headline' }).first().waitFor()
    await shot(page, 'csp', 'item-page')
    expect(await violations()).toEqual([])
  })
})
