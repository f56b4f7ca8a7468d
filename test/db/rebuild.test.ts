// SQLite cannot alter a column in place: Prisma's migrations rebuild the table (create a copy,
// copy the rows, drop the old table, rename). Dropping a table that others reference deletes its
// rows first, which fires ON DELETE SET NULL / CASCADE unless foreign keys are off. This guards
// against a migration that silently empties references to the rebuilt table.
import { afterAll, describe, expect, it } from 'vitest'
import { Project } from './project'

const project = new Project()
afterAll(() => project.remove())

describe('a migration that rebuilds a referenced table', () => {
  it('keeps every reference to it and every cascading row', () => {
    project.useSchema('references.prisma')
    expect(project.migrate(['create', 'init']).status).toBe(0)
    expect(project.migrate(['deploy']).status).toBe(0)
    project.withDatabase(db => {
      db.exec(`INSERT INTO "Place" (id, name) VALUES ('vilnius', 'Vilnius');
               INSERT INTO "Article" (id, headline, datelinePlaceId) VALUES ('a1', 'NATO', 'vilnius');
               INSERT INTO "Note" (id, placeId) VALUES ('n1', 'vilnius');`)
    })

    project.useSchema('references.v2.prisma')
    const created = project.migrate(['create', 'place-kind'])
    expect(created.status).toBe(0)
    const deployed = project.migrate(['deploy'])
    expect(deployed.output).not.toMatch(/error/i)
    expect(deployed.status).toBe(0)

    project.withDatabase(db => {
      expect(db.prepare('SELECT id, name, kind FROM "Place"').all()).toEqual([
        { id: 'vilnius', name: 'Vilnius', kind: 'city' },
      ])
      expect(db.prepare('SELECT datelinePlaceId FROM "Article"').all()).toEqual([
        { datelinePlaceId: 'vilnius' },
      ])
      expect(db.prepare('SELECT id, placeId FROM "Note"').all()).toEqual([
        { id: 'n1', placeId: 'vilnius' },
      ])
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    })
  })

  it('refuses, and rolls back, a migration that would leave references dangling', () => {
    project.writeMigration('20991231000000_drop-places', 'DELETE FROM "Place";\n')
    const deployed = project.migrate(['deploy'])
    expect(deployed.status).not.toBe(0)
    expect(deployed.output).toMatch(/2 row\(s\) with a broken foreign key \(in Article, Note\)/)
    project.withDatabase(db => {
      expect(db.prepare('SELECT count(*) AS n FROM "Place"').get()).toEqual({ n: 1 })
      expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 })
    })
  })
})
