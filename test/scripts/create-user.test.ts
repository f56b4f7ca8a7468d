// `npm run user:create`: how a production newsroom gets its first admin (production never
// creates default accounts).
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { freshDatabaseUrl, queryRows } from '../helpers/database'
import { repoRoot } from '../helpers/paths'

const url = freshDatabaseUrl('user')
const env = { ...process.env, DATABASE_URL: url, NODE_ENV: 'production' }
const tsx = path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs')
const createUser = (args: string[], input = '', extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, [tsx, 'scripts/create-user.ts', ...args], {
    cwd: repoRoot,
    env: { ...env, ...extra },
    input,
    encoding: 'utf8',
  })
const users = () => queryRows(url, 'SELECT email, name, role, "isActive" FROM "User"')

beforeAll(() => {
  const migrate = spawnSync(process.execPath, ['src/db/migrate.mjs', 'deploy'], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
  })
  expect(migrate.status).toBe(0)
}, 60_000)

describe('npm run user:create', () => {
  it('creates an admin with the password from standard input', async () => {
    const run = createUser(
      ['--email', 'boss@warta.test', '--name', 'Kepala Redaksi', '--role', 'admin'],
      'a-strong-admin-pw\n'
    )
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/Created admin boss@warta.test/)
    expect(await users()).toEqual([
      { email: 'boss@warta.test', name: 'Kepala Redaksi', role: 'admin', isActive: 1 },
    ])
  })

  it('refuses a short password and a used email with the field named, creating nothing', async () => {
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
    expect(await users()).toHaveLength(1)
  })

  it('refuses a common password and an address used in another case, creating nothing', async () => {
    const common = createUser(['--email', 'f@warta.test', '--name', 'F', '--role', 'editor'], '', {
      WARTA_NEW_PASSWORD: 'password123',
    })
    expect(common.status).toBe(1)
    expect(common.stderr).toMatch(/User\.password: is too common or too easy to guess/)
    const cased = createUser(
      ['--email', 'Boss@Warta.TEST', '--name', 'X', '--role', 'editor'],
      'yet-another-long-pw\n'
    )
    expect(cased.status).toBe(1)
    expect(cased.stderr).toMatch(/User\.email: is already used/)
    expect(await users()).toHaveLength(1)
  })

  it('stores the address in lower case, and says so', async () => {
    const run = createUser(
      ['--email', ' Desk@Warta.TEST ', '--name', 'Meja', '--role', 'editor'],
      'meja-redaksi-malam-hari\n'
    )
    expect(run.stdout).toMatch(/Created editor desk@warta.test/)
    expect((await users()).map(u => u.email)).toContain('desk@warta.test')
  })

  it('explains its usage for a missing email or an unknown role', async () => {
    const run = createUser(['--name', 'X', '--role', 'chief'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(
      /Usage: npm run user:create -- --email <email> --name <name> --role <reporter\|editor\|admin>/
    )
    expect(await users()).toHaveLength(2)
  })
})
