import { randomBytes } from 'node:crypto'
import { defineConfig } from 'vitest/config'

// The suite runs on the database DATABASE_URL names (SQLite by default); tests set DATABASE_URL
// to databases of their own, so the original is kept here for them (test/helpers/database.ts).
process.env.WARTA_TEST_BASE_URL ??= process.env.DATABASE_URL ?? ''
// Names this run's PostgreSQL databases, which global-setup.ts drops at the end.
process.env.WARTA_TEST_RUN ??= randomBytes(4).toString('hex')

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file gets its own database; files run in separate processes.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['test/helpers/global-setup.ts'],
  },
})
