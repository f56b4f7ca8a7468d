// `npm run seed` as a user runs it: a real process on a migrated database of its own, twice.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { expect, it } from 'vitest'
import { freshDatabaseUrl, queryRows } from '../helpers/database'
import { repoRoot } from '../helpers/paths'

it('seeds the story and the dev accounts, and a second run adds nothing', async () => {
  const url = freshDatabaseUrl('seed')
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: 'development' }
  const run = (args: string[]) =>
    spawnSync(process.execPath, args, { cwd: repoRoot, env, encoding: 'utf8' })
  expect(run(['src/db/migrate.mjs', 'deploy']).status).toBe(0)
  const tsx = path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs')
  const counts = async () => {
    const tables = ['Article', 'Person', 'Organization', 'Place', 'RelatedLink', 'User']
    const sql = tables.map(t => `(SELECT CAST(count(*) AS INTEGER) FROM "${t}") AS "${t}"`)
    return Object.values((await queryRows(url, `SELECT ${sql.join(', ')}`))[0]!)
  }
  const first = run([tsx, 'scripts/seed.ts'])
  expect(first.stderr).toBe('')
  expect(first.stdout).toMatch(/Seeded the ANTARA story and the dev accounts/)
  expect(await counts()).toEqual([1, 4, 6, 17, 2, 3])
  expect(run([tsx, 'scripts/seed.ts']).status).toBe(0)
  expect(await counts()).toEqual([1, 4, 6, 17, 2, 3])
}, 60_000)
