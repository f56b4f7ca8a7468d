// Single Prisma CLI commands against the schema engine stand-in, each independent of the others
// (the migration workflow is in engine.test.ts; the two files run in parallel).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Project, engineBinary, fixture, root } from './project'

const project = new Project()
afterAll(() => project.remove())

describe('the Prisma CLI with the schema engine stand-in', () => {
  it('gets --version from the wasm engine the stand-in runs', () => {
    const run = project.run([engineBinary, '--version'])
    const packageJson = path.join(root, 'node_modules/@prisma/schema-engine-wasm/package.json')
    const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(`schema-engine-cli ${version.split('.').at(-1)}\n`)
  })

  it('runs prisma validate and format (which only need the engine to exist)', () => {
    const valid = project.prisma(['validate'])
    expect(valid.status).toBe(0)
    expect(valid.output).toContain('The schema at schema.prisma is valid')

    const messy = readFileSync(fixture('schema.prisma'), 'utf8').replace(/ +/g, ' ')
    writeFileSync(project.path('messy.prisma'), messy)
    expect(project.prisma(['format', '--schema', 'messy.prisma']).status).toBe(0)
    const formatted = readFileSync(project.path('messy.prisma'), 'utf8')
    expect(formatted).toBe(readFileSync(fixture('schema.prisma'), 'utf8'))
  })

  it('prints the SQL of migrate diff --from-empty, without creating a database', () => {
    const args = ['migrate', 'diff', '--from-empty', '--to-schema', 'schema.prisma', '--script']
    const run = project.prisma(args)
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('CREATE TABLE "Desk"')
    expect(run.stdout).toContain('CONSTRAINT "Story_deskId_fkey" FOREIGN KEY ("deskId")')
    expect(existsSync(project.path('data'))).toBe(false)
  })

  it('migrate status: P1003 without a database file, pending migrations on a brand-new one', () => {
    project.writeMigration('20240101000000_init', 'SELECT 1;\n')

    const missing = project.prisma(['migrate', 'status'])
    expect(missing.status).toBe(1)
    expect(missing.output).toMatch(
      /P1003: Database `warta.db` does not exist at `.*data\/warta.db`/
    )

    mkdirSync(project.path('data'))
    project.withDatabase(() => {}, 'data/brand-new.db')
    const brandNew = project.prisma(['migrate', 'status'], {
      DATABASE_URL: 'file:data/brand-new.db',
    })
    expect(brandNew.status).toBe(1)
    expect(brandNew.output).toContain(
      'Following migration have not yet been applied:\n20240101000000_init'
    )
    expect(brandNew.output).not.toContain('P1014')
  })
})
