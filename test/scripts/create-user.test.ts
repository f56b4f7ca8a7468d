// `npm run user:create`: how a production newsroom gets its first admin (production never
// creates default accounts).
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers/paths'

const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'warta-user-')), 'warta.db')
const env = { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: 'production' }
const tsx = path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs')
const createUser = (args: string[], input = '', extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, [tsx, 'scripts/create-user.ts', ...args], {
    cwd: repoRoot,
    env: { ...env, ...extra },
    input,
    encoding: 'utf8',
  })
const users = () => {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare('SELECT email, name, role, isActive FROM "User"').all()
  } finally {
    db.close()
  }
}

beforeAll(() => {
  const migrate = spawnSync(process.execPath, ['src/db/migrate.mjs', 'deploy'], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
  })
  expect(migrate.status).toBe(0)
}, 60_000)

describe('npm run user:create', () => {
  it('creates an admin with the password from standard input', () => {
    const run = createUser(
      ['--email', 'boss@warta.test', '--name', 'Kepala Redaksi', '--role', 'admin'],
      'a-strong-admin-pw\n'
    )
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/Created admin boss@warta.test/)
    expect(users()).toEqual([
      { email: 'boss@warta.test', name: 'Kepala Redaksi', role: 'admin', isActive: 1 },
    ])
  })

  it('refuses a short password and a used email with the field named, creating nothing', () => {
    const short = createUser(['--email', 'e@warta.test', '--name', 'E', '--role', 'editor'], '', {
      WARTA_NEW_PASSWORD: 'short',
    })
    expect(short.status).toBe(1)
    expect(short.stderr).toMatch(/User\.password: value must be at least 10 characters long/)
    const again = createUser(
      ['--email', 'boss@warta.test', '--name', 'X', '--role', 'editor'],
      'another-long-pw\n'
    )
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/User\.email: is already used/)
    expect(users()).toHaveLength(1)
  })

  it('explains its usage for a missing email or an unknown role', () => {
    const run = createUser(['--name', 'X', '--role', 'chief'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(
      /Usage: npm run user:create -- --email <email> --name <name> --role <reporter\|editor\|admin>/
    )
    expect(users()).toHaveLength(1)
  })
})
