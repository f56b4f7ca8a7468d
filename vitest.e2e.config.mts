import { randomBytes } from 'node:crypto'
import { defineConfig } from 'vitest/config'

// As in vitest.config.mts: the database DATABASE_URL names (SQLite by default), one per server.
process.env.WARTA_TEST_BASE_URL ??= process.env.DATABASE_URL ?? ''
process.env.WARTA_TEST_RUN ??= randomBytes(4).toString('hex')

// Browser journeys: Debian's Chromium driven by playwright-core against the production build.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 240_000,
    globalSetup: ['test/helpers/global-setup.ts'],
  },
})
