import { defineConfig } from 'vitest/config'

// Browser journeys: Debian's Chromium driven by playwright-core against the production build.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 240_000,
  },
})
