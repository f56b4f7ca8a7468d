// The production build, started for real (`keystone start`) on a fresh database (a SQLite file,
// or PostgreSQL when DATABASE_URL says so) with the story and the dev accounts seeded, and
// Debian's Chromium (never a downloaded browser).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { repoRoot } from '../helpers/paths'
import { gql, startServer, type StartedServer } from '../helpers/server'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const PASSWORD = 'e2e-dev-password'
export const screenshotDir = path.join(repoRoot, 'test-results/e2e')

export async function startProduction(): Promise<StartedServer> {
  if (!existsSync(path.join(repoRoot, '.keystone/admin/.next'))) {
    throw new Error('No production Admin UI build: run `npm run build` first')
  }
  // Production creates no accounts: the harness seeds the dev ones (linked to their bylines)
  // into the migrated database before the start, as a newsroom would create its staff.
  return startServer(
    { NODE_ENV: 'production', SESSION_SECRET: 'e2e-session-secret-of-at-least-32-characters' },
    { ui: true, beforeStart: seedDevAccounts }
  )
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`)
  mkdirSync(screenshotDir, { recursive: true })
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

export async function signIn(
  browser: Browser,
  base: string,
  who: 'reporter' | 'editor' | 'admin'
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${base}/signin`)
  await page.getByLabel('Email').fill(`${who}@warta.test`)
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD)
  await page.getByRole('button', { name: /sign in/i }).click()
  await page.waitForURL(url => !url.pathname.includes('signin'))
  return page
}

/** Saves a screenshot under test-results/e2e/<journey>-<step>.png and returns its path. */
export async function shot(page: Page, journey: string, step: string): Promise<string> {
  const file = path.join(screenshotDir, `${journey}-${step}.png`)
  await page.screenshot({ path: file })
  return file
}

export function seedDevAccounts(databaseUrl: string) {
  const tsx = path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs')
  const run = spawnSync(process.execPath, [tsx, 'scripts/seed.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'development',
      WARTA_DEV_PASSWORD: PASSWORD,
    },
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`seeding failed:\n${run.stderr}`)
}

/**
 * One production server and one browser for a test file: started before its tests, stopped
 * after. Read `.server` and `.browser` inside the tests.
 */
export function productionBrowser(journey: string) {
  const state = {} as { server: StartedServer; browser: Browser }
  beforeAll(async () => {
    state.server = await startProduction()
    state.browser = await launch()
    console.log(`screenshots: test-results/e2e/${journey}-*.png`)
  })
  afterAll(async () => {
    await state.browser?.close()
    await state.server?.stop()
  })
  return state
}

/** A session cookie for GraphQL checks made outside the browser. */
export async function cookieFor(base: string, email: string, password = PASSWORD): Promise<string> {
  const { setCookie } = await gql(
    base,
    `mutation($e: String!, $p: String!) { authenticateUserWithPassword(email: $e, password: $p) { __typename } }`,
    { variables: { e: email, p: password } }
  )
  if (!setCookie) throw new Error(`could not sign in as ${email}`)
  return setCookie.split(';')[0]!
}
