// The schema engine stand-in on PostgreSQL (src/db/engine/postgresql.mjs), through the real
// Prisma CLI and src/db/migrate.mjs, in one throwaway project with a database of its own on the
// suite's server. PostgreSQL only: it runs in `npm run test:pg` and in CI's PostgreSQL pass, and
// is reported as skipped on SQLite (engine.test.ts covers SQLite).
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { baseUrl, databaseName, onPostgres, queryRows, runPrefix } from '../helpers/database'
import { Project, sha256 } from './project'

describe.skipIf(!onPostgres)('the schema engine stand-in on PostgreSQL (test:pg only)', () => {
  const project = new Project('postgresql')
  afterAll(() => project.remove())
  const url = project.databaseUrl!
  const dir = project.path('migrations/postgresql')
  const names = () =>
    readdirSync(dir, { withFileTypes: true })
      .filter(entry => entry.isDirectory())
      .map(entry => entry.name)
      .sort()
  const file = (name: string) => project.path('migrations/postgresql', name, 'migration.sql')
  const applied = () =>
    queryRows(
      url,
      'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY started_at'
    )
  const tables = async () =>
    (
      await queryRows(
        url,
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
      )
    ).map(row => row.tablename)
  // Shadow databases the stand-in made for diffs, and did not drop.
  const leftovers = async () =>
    (await queryRows(baseUrl, "SELECT datname FROM pg_database WHERE datname LIKE 'warta_shadow%'"))
      .length

  it('creates the first migration and a postgresql lock file (migrate create)', () => {
    project.useSchema('schema.prisma')
    const run = project.migrate(['create', 'init'])
    expect(run.status).toBe(0)
    expect(names()).toEqual([expect.stringMatching(/^\d{14}_init$/)])
    expect(readFileSync(file(names()[0]!), 'utf8')).toContain('CREATE TABLE "Story"')
    expect(readFileSync(`${dir}/migration_lock.toml`, 'utf8')).toMatch(/provider = "postgresql"/)
  })

  it('deploy creates the database and applies the migration', async () => {
    expect(databaseName(url).startsWith(runPrefix())).toBe(true)
    const run = project.migrate(['deploy'])
    expect(run.output).toContain('All migrations have been successfully applied.')
    expect(run.status).toBe(0)
    expect(await tables()).toEqual(['Desk', 'Story', '_prisma_migrations'])
    const [name] = names()
    expect(await applied()).toEqual([
      { migration_name: name, checksum: sha256(file(name!)), finished: 1 },
    ])
  })

  it('migrate status after deploy: up to date', () => {
    const run = project.migrate(['status'])
    expect(run.output).toContain('Database schema is up to date!')
    expect(run.status).toBe(0)
  })

  it('check exits 2 when the schema gained a field, 0 once the migration exists', async () => {
    project.useSchema('schema.v2.prisma')
    const drift = project.migrate(['check'])
    expect(drift.status).toBe(2)
    expect(drift.output).toContain('npm run migrate:create -- <name>')
    expect(project.migrate(['create', 'story-slug']).status).toBe(0)
    expect(readFileSync(file(names().at(-1)!), 'utf8')).toContain('ADD COLUMN     "slug" TEXT')
    expect(project.migrate(['check']).status).toBe(0)
    expect(project.migrate(['deploy']).status).toBe(0)
    expect(await leftovers()).toBe(0)
  })

  it('keeps ";" in string literals and comments, and $$ bodies whole', async () => {
    project.writeMigration(
      '20991230000000_desks',
      `INSERT INTO "Desk" ("name") VALUES ('Sport; Culture');\n` +
        `-- a comment; with a semicolon\n` +
        `INSERT INTO "Desk" ("name") VALUES ('It''s; fine');\n` +
        `CREATE FUNCTION desk_count() RETURNS bigint AS $$\n` +
        `  DECLARE n bigint;\n  BEGIN SELECT count(*) INTO n FROM "Desk"; RETURN n; END;\n` +
        `$$ LANGUAGE plpgsql;\n`
    )
    const run = project.migrate(['deploy'])
    expect(run.output).not.toMatch(/error/i)
    expect(run.status).toBe(0)
    expect(await queryRows(url, 'SELECT name FROM "Desk" ORDER BY id')).toEqual([
      { name: 'Sport; Culture' },
      { name: "It's; fine" },
    ])
    expect(await queryRows(url, 'SELECT CAST(desk_count() AS INTEGER) AS n')).toEqual([{ n: 2 }])
    // check replays every migration into a shadow database.
    expect(project.migrate(['check']).status).toBe(0)
  })

  it('rolls back a failing migration and says which one failed and why', async () => {
    const broken = '20991231000000_broken'
    project.writeMigration(
      broken,
      'CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "Nope" VALUES (1);\n'
    )
    const run = project.migrate(['deploy'])
    expect(run.status).toBe(1)
    expect(run.output).toContain('P3018')
    expect(run.output).toContain(`Migration name: ${broken}`)
    expect(run.output).toContain('relation "Nope" does not exist')
    expect(await tables()).not.toContain('Half')
    expect((await applied()).at(-1)).toMatchObject({ migration_name: broken, finished: 0 })
    rmSync(project.path('migrations/postgresql', broken), { recursive: true })
    const resolved = project.prisma(['migrate', 'resolve', '--rolled-back', broken])
    expect(resolved.status).toBe(0)
    expect(project.migrate(['status']).output).toContain('Database schema is up to date!')
  })

  it('several instances deploying at once: one applies, the others wait and find nothing', async () => {
    const fresh = new Project('postgresql')
    try {
      fresh.useSchema('schema.prisma')
      for (const name of names()) fresh.writeMigration(name, readFileSync(file(name), 'utf8'))
      const runs = await Promise.all(
        [1, 2, 3].map(() => fresh.runAsync([fresh.path('src/db/migrate.mjs'), 'deploy']))
      )
      for (const run of runs) expect(run.status, run.output).toBe(0)
      const appliedBy = runs.filter(run => run.output.includes('have been successfully applied'))
      expect(appliedBy).toHaveLength(1)
      const rows = await queryRows(
        fresh.databaseUrl!,
        'SELECT migration_name FROM _prisma_migrations ORDER BY migration_name'
      )
      expect(rows.map(row => row.migration_name)).toEqual(names())
    } finally {
      fresh.remove()
    }
  })
})
