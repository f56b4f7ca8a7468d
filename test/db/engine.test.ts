// The schema engine stand-in (src/db/engine/) and src/db/migrate.mjs, exercised through the real
// Prisma CLI on real SQLite files, in one throwaway project. The tests run in order and follow
// a project's life: each builds on the state the previous ones left.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { Project, sha256 } from './project'

const project = new Project()
afterAll(() => project.remove())

const migrationsDir = project.path('migrations/sqlite')
const migrationNames = () =>
  readdirSync(migrationsDir, { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => entry.name)
    .sort()
const migrationFile = (name: string) => project.path('migrations/sqlite', name, 'migration.sql')
const appliedMigrations = () =>
  project.withDatabase(
    db =>
      db
        .prepare(
          'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at'
        )
        .all() as {
        migration_name: string
        checksum: string
        finished_at: string | null
        rolled_back_at: string | null
      }[]
  )

describe("a project's migrations, through migrate.mjs and the schema engine stand-in", () => {
  it('creates the first migration and the lock file (migrate create)', () => {
    const before = Date.now()
    const run = project.migrate(['create', 'Init stories'])
    expect(run.status).toBe(0)
    expect(migrationNames()).toEqual([expect.stringMatching(/^\d{14}_init_stories$/)])
    const [name] = migrationNames()
    const stamp = name!.slice(0, 14).replace(/^(....)(..)(..)(..)(..)(..)$/, '$1-$2-$3T$4:$5:$6Z')
    expect(Math.abs(Date.parse(stamp) - before)).toBeLessThan(60_000) // a UTC timestamp
    expect(readFileSync(migrationFile(name!), 'utf8')).toContain('CREATE TABLE "Story"')
    expect(readFileSync(project.path('migrations/sqlite/migration_lock.toml'), 'utf8')).toMatch(
      /^provider = "sqlite"$/m
    )
  })

  it('deploy creates the database under data/ and applies the migration', () => {
    expect(existsSync(project.path('data'))).toBe(false) // diffs need no database
    const run = project.migrate(['deploy'])
    expect(run.status).toBe(0)
    expect(run.output).toContain('All migrations have been successfully applied.')
    expect(project.tables()).toEqual(['Desk', 'Story', '_prisma_migrations'])
    const [name] = migrationNames()
    expect(appliedMigrations()).toEqual([
      {
        migration_name: name,
        checksum: sha256(migrationFile(name!)),
        finished_at: expect.any(String),
        rolled_back_at: null,
      },
    ])
    expect(existsSync(project.path('data/warta.db-journal'))).toBe(false) // closed cleanly
  })

  it('migrate status after deploy: up to date', () => {
    const run = project.migrate(['status'])
    expect(run.status).toBe(0)
    expect(run.output).toContain('Database schema is up to date!')
  })

  it('check exits 2 when the schema gained a field, 0 once the migration exists', () => {
    project.withDatabase(db => {
      db.prepare(`INSERT INTO "Desk" ("name") VALUES ('News')`).run()
      db.prepare(`INSERT INTO "Story" ("title", "deskId") VALUES ('First', 1)`).run()
    })
    project.useSchema('schema.v2.prisma')

    const drift = project.migrate(['check'])
    expect(drift.status).toBe(2)
    expect(drift.output).toContain('Redefined table `Story`')
    expect(drift.output).toContain('npm run migrate:create -- <name>')

    expect(project.migrate(['create', 'story-slug']).status).toBe(0)
    const latest = migrationNames().at(-1)!
    expect(latest).toMatch(/_story_slug$/)
    expect(readFileSync(migrationFile(latest), 'utf8')).toContain('"slug" TEXT')

    const again = project.migrate(['create', 'nothing'])
    expect(again.status).toBe(0)
    expect(again.output).toContain('No schema changes')
    expect(migrationNames()).toHaveLength(2)

    expect(project.migrate(['check']).status).toBe(0)
  })

  it('deploys a table-rebuilding migration over existing rows', () => {
    expect(project.migrate(['deploy']).status).toBe(0)
    const stories = project.withDatabase(db => db.prepare('SELECT * FROM "Story"').all())
    expect(stories).toEqual([{ id: 1, title: 'First', slug: null, deskId: 1 }])
  })

  it('handles ";" inside string literals, in deploy and in the shadow-database replay', () => {
    project.writeMigration(
      '20991230000000_desks',
      `INSERT INTO "Desk" ("name") VALUES ('Sport; Culture');\n` +
        `-- a comment; with a semicolon\n` +
        `INSERT INTO "Desk" ("name") VALUES ('It''s; fine');\n`
    )
    expect(project.migrate(['deploy']).status).toBe(0)
    const names = project.withDatabase(db =>
      db.prepare('SELECT name FROM "Desk" ORDER BY id').all()
    )
    expect(names).toEqual([{ name: 'News' }, { name: 'Sport; Culture' }, { name: "It's; fine" }])
    // check replays every migration into an in-memory shadow database.
    expect(project.migrate(['check']).status).toBe(0)
  })

  it('rolls back a failing migration and says which one failed and why', () => {
    const broken = '20991231000000_broken'
    project.writeMigration(
      broken,
      'CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "Nope" VALUES (1);\n'
    )
    const run = project.migrate(['deploy'])
    expect(run.status).toBe(1)
    expect(run.output).toContain('P3018')
    expect(run.output).toContain(`Migration name: ${broken}`)
    expect(run.output).toContain('no such table: Nope')
    expect(run.output).toContain('prisma migrate deploy failed with exit code 1')
    expect(project.tables()).not.toContain('Half')
    expect(appliedMigrations().at(-1)).toMatchObject({ migration_name: broken, finished_at: null })
    rmSync(project.path('migrations/sqlite', broken), { recursive: true })
  })

  it('migrate reset --force empties the database and re-applies every migration', () => {
    const run = project.prisma(['migrate', 'reset', '--force'])
    expect(run.status).toBe(0)
    const desks = project.withDatabase(db =>
      db.prepare('SELECT id, name FROM "Desk" ORDER BY id').all()
    )
    expect(desks).toEqual([
      { id: 1, name: 'Sport; Culture' },
      { id: 2, name: "It's; fine" },
    ])
    expect(appliedMigrations().map(row => row.finished_at !== null)).toEqual([true, true, true])
  })
})

describe('src/db/migrate.mjs', () => {
  it('explains its usage instead of failing silently', () => {
    const run = project.migrate(['create'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(
      'Usage: node src/db/migrate.mjs deploy | status | create <name> | check'
    )
    expect(project.migrate(['create', '!!!']).stderr).toContain('not usable as a migration name')
  })
})
