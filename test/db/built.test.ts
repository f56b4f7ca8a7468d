// src/db/built.mjs: `npm start` refuses a build made for the other provider.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildMismatch, builtProvider } from '../../src/db/built.mjs'
import { repoRoot } from '../helpers/paths'

const project = (provider?: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warta-built-'))
  if (provider) {
    mkdirSync(path.join(dir, '.keystone'))
    const config = `const config = {\n  "activeProvider": "${provider}",\n}\n`
    writeFileSync(path.join(dir, '.keystone/prisma.js'), config)
  }
  return dir
}
const PG = 'postgresql://warta@db.internal/warta'

describe('the built provider', () => {
  it('is read from the Prisma client that keystone start runs', () => {
    expect(builtProvider(path.join(project('postgresql'), '.keystone/prisma.js'))).toBe(
      'postgresql'
    )
    expect(builtProvider(path.join(project(), '.keystone/prisma.js'))).toBeNull()
  })

  it('must match DATABASE_URL, or start explains what to build', () => {
    expect(buildMismatch(project('sqlite'), 'file:./data/warta.db')).toBeNull()
    expect(buildMismatch(project('postgresql'), PG)).toBeNull()
    expect(buildMismatch(project('sqlite'), PG)).toBe(
      'The Keystone build is for sqlite, but DATABASE_URL is postgresql: ' +
        'run `npm run build` with this DATABASE_URL first.'
    )
    expect(buildMismatch(project(), PG)).toMatch(/There is no Keystone build/)
  })

  it('stops `node src/db/built.mjs` (the start of npm start) with exit code 1', () => {
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'src/db/built.mjs')], {
      cwd: project('sqlite'),
      env: { ...process.env, DATABASE_URL: PG },
      encoding: 'utf8',
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('The Keystone build is for sqlite, but DATABASE_URL is postgresql')
  })
})
