// `npm run seed` as a user runs it: a real process on a migrated SQLite file, twice.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { repoRoot } from '../helpers/paths'

it('seeds the story and the dev accounts, and a second run adds nothing', () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'warta-seed-')), 'warta.db')
  const env = { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: 'development' }
  const run = (args: string[]) =>
    spawnSync(process.execPath, args, { cwd: repoRoot, env, encoding: 'utf8' })
  expect(run(['src/db/migrate.mjs', 'deploy']).status).toBe(0)
  const tsx = path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs')
  const counts = () => {
    const db = new Database(file, { readonly: true })
    try {
      return ['Article', 'Person', 'Organization', 'Place', 'RelatedLink', 'User'].map(
        table => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
      )
    } finally {
      db.close()
    }
  }
  const first = run([tsx, 'scripts/seed.ts'])
  expect(first.stderr).toBe('')
  expect(first.stdout).toMatch(/Seeded the ANTARA story and the dev accounts/)
  expect(counts()).toEqual([1, 4, 6, 17, 2, 3])
  expect(run([tsx, 'scripts/seed.ts']).status).toBe(0)
  expect(counts()).toEqual([1, 4, 6, 17, 2, 3])
}, 60_000)
