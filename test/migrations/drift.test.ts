import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, sqliteMigrations } from '../helpers/paths'

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['src/db/migrate.mjs', ...args], { cwd: repoRoot, encoding: 'utf8' })

describe('the committed migrations', () => {
  it('cover schema.prisma exactly (drift check)', () => {
    const result = run('check')
    expect(result.stderr + result.stdout).not.toMatch(/missing/i)
    expect(result.status).toBe(0)
  })

  it('are SQLite migrations with a lock file, each in its own timestamped folder', () => {
    expect(readFileSync(path.join(sqliteMigrations, 'migration_lock.toml'), 'utf8')).toMatch(
      /provider = "sqlite"/
    )
    const folders = readdirSync(sqliteMigrations, { withFileTypes: true }).filter(e => e.isDirectory())
    expect(folders.length).toBeGreaterThan(0)
    for (const folder of folders) {
      expect(folder.name).toMatch(/^\d{14}_[a-z0-9-_]+$/)
      expect(readFileSync(path.join(sqliteMigrations, folder.name, 'migration.sql'), 'utf8')).toMatch(
        /CREATE|ALTER|DROP/
      )
    }
  })
})
