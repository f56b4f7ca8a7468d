// The committed migrations of the provider the suite runs on (SQLite by default, PostgreSQL in
// `npm run test:pg`; CI runs both).
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrationsDir, schemaPaths } from '../../src/db/url.mjs'
import { baseUrl, provider } from '../helpers/database'
import { repoRoot } from '../helpers/paths'

const migrations = path.join(repoRoot, migrationsDir(provider))
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['src/db/migrate.mjs', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: baseUrl },
    encoding: 'utf8',
  })

describe(`the committed ${provider} migrations`, () => {
  it(`cover ${schemaPaths(provider).prisma} exactly (drift check)`, () => {
    const result = run('check')
    expect(result.stderr + result.stdout).not.toMatch(/missing/i)
    expect(result.stdout).toContain(`is in sync with ${schemaPaths(provider).prisma}`)
    expect(result.status).toBe(0)
  })

  it(`are ${provider} migrations with a lock file, each in its own timestamped folder`, () => {
    expect(readFileSync(path.join(migrations, 'migration_lock.toml'), 'utf8')).toMatch(
      new RegExp(`provider = "${provider}"`)
    )
    const folders = readdirSync(migrations, { withFileTypes: true }).filter(e => e.isDirectory())
    expect(folders.length).toBeGreaterThan(0)
    for (const folder of folders) {
      expect(folder.name).toMatch(/^\d{14}_[a-z0-9-_]+$/)
      expect(readFileSync(path.join(migrations, folder.name, 'migration.sql'), 'utf8')).toMatch(
        /CREATE|ALTER|DROP/
      )
    }
  })
})
