// src/db/prisma-versions.mjs: the Prisma CLI, client, adapters and the WebAssembly schema engine
// must be one release.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { prismaVersionProblems, RELEASE_PACKAGES } from '../../src/db/prisma-versions.mjs'
import { repoRoot } from '../helpers/paths'

/** A project tree with only the package.json files the check reads. */
function fakeProject(versions: Record<string, string>, engine: string, cliEngine: string) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'warta-prisma-versions-'))
  const put = (dir: string, name: string, version: string) => {
    mkdirSync(path.join(dir, 'node_modules', name), { recursive: true })
    writeFileSync(path.join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ version }))
  }
  for (const [name, version] of Object.entries(versions)) put(root, name, version)
  put(root, '@prisma/schema-engine-wasm', engine)
  put(root, '@prisma/engines', versions.prisma!)
  // The CLI's engine version nested under @prisma/engines, as npm lays out a second copy.
  put(path.join(root, 'node_modules/@prisma/engines'), '@prisma/engines-version', cliEngine)
  return root
}

const ENGINE = '7.10.0-4.0edf323efd1d98336f3f0a68684b56f689b900d3'
const all = (version: string) => Object.fromEntries(RELEASE_PACKAGES.map(name => [name, version]))

describe('Prisma versions', () => {
  it('agree in this repository', () => {
    expect(prismaVersionProblems(repoRoot)).toEqual([])
  })

  it('agree in a tree of one release', () => {
    expect(prismaVersionProblems(fakeProject(all('7.10.0'), ENGINE, ENGINE))).toEqual([])
  })

  it('disagree when the CLI moves without the client or the engine', () => {
    const versions = { ...all('7.10.0'), prisma: '7.10.1' }
    const problems = prismaVersionProblems(fakeProject(versions, ENGINE, '8.1.0-1.d1b3f37'))
    expect(problems.join('\n')).toContain('@prisma/client is 7.10.0, but the Prisma CLI is 7.10.1')
    expect(problems.join('\n')).toContain('@prisma/schema-engine-wasm is ' + ENGINE)
  })

  it('disagree when only the WebAssembly engine is pinned to another build', () => {
    const problems = prismaVersionProblems(fakeProject(all('7.10.0'), ENGINE, '7.10.0-5.9bae2a3'))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain('pin @prisma/schema-engine-wasm to 7.10.0-5.9bae2a3')
  })
})
