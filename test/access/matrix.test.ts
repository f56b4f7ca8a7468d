// The access matrix: every actor × list × operation (× article status where it matters),
// asserting allow or deny through Keystone's own API with a real session and a real SQLite
// database. The expectations below are written from the roles issue, not computed from
// src/access, so a wrong rule in the code makes a case fail.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Context } from '../../generated/keystone/types'
import { testContext } from '../helpers/context'
import {
  actors,
  articleByA,
  contextFor,
  createStaff,
  newName,
  publicProfile,
  statuses,
  type Actor,
  type Staff,
  type Status,
} from './fixtures'

const operations = ['queryOne', 'queryMany', 'count', 'create', 'update', 'delete'] as const
type Operation = (typeof operations)[number]
type Expectation = Record<Operation, boolean>

const staffRole = (actor: Actor) =>
  actor === 'anonymous' ? 'anonymous' : actor.replace(/[AB]$/, '')
const read = (yes: boolean) => ({ queryOne: yes, queryMany: yes, count: yes })

// ---- The rules, as the issue states them -------------------------------------------------

/** Reporter A's article in `status`, seen by `actor`. */
function articleRules(actor: Actor, status: Status): Expectation {
  // Every staff account reads published and killed stories (with a kill notice); the staff API
  // answers anonymous callers nothing (readers use the Content API).
  const addressable = status === 'published' || status === 'killed'
  switch (actor) {
    case 'anonymous':
      return { ...read(false), create: false, update: false, delete: false }
    case 'reporterA': // own: every status readable, editable and deletable while a draft
      return { ...read(true), create: true, update: status === 'draft', delete: status === 'draft' }
    case 'reporterB': // someone else's: public ones only, never writable
      return { ...read(addressable), create: true, update: false, delete: false }
    case 'editor':
    case 'admin': // all statuses; killed is terminal; delete only never-published drafts
      return {
        ...read(true),
        create: true,
        update: status !== 'killed',
        delete: status === 'draft',
      }
  }
}

/** A read-also link on reporter A's article in `status`: links follow their article. */
function linkRules(actor: Actor, status: Status): Expectation {
  // A killed story shows no read-also links to those who see only its kill notice (reporters
  // other than its authors).
  const withdrawn = (actor === 'anonymous' || actor === 'reporterB') && status === 'killed'
  const shown = withdrawn ? 'unpublished' : status
  const article = articleRules(actor, shown)
  // Killed is terminal for its links too: they are written under the story's update rule.
  const manage =
    (staffRole(actor) === 'editor' || staffRole(actor) === 'admin') && status !== 'killed'
  const ownDraft = actor === 'reporterA' && status === 'draft'
  const write = manage || ownDraft
  return { ...read(article.queryOne), create: write, update: write, delete: write }
}

/** A public profile (Person, Organization, Place, Tag). */
function profileRules(actor: Actor): Expectation {
  const role = staffRole(actor)
  const staff = role !== 'anonymous'
  return {
    ...read(staff),
    create: staff,
    update: staff,
    delete: role === 'editor' || role === 'admin',
  }
}

/** Reporter A's account. */
function accountRules(actor: Actor): Expectation {
  switch (actor) {
    case 'anonymous':
    case 'reporterB':
      return { ...read(false), create: false, update: false, delete: false }
    case 'reporterA': // their own account: read it, edit its name
      return { ...read(true), create: false, update: true, delete: false }
    case 'editor': // staff names and roles, nothing else
      return { ...read(true), create: false, update: false, delete: false }
    case 'admin':
      return { ...read(true), create: true, update: true, delete: true }
  }
}

// ---- Running one case ---------------------------------------------------------------------

type ListKey = 'Article' | 'RelatedLink' | 'Person' | 'Organization' | 'Place' | 'Tag' | 'User'
type Target = {
  id: string
  createData: () => Record<string, unknown>
  updateData: () => Record<string, unknown> | Promise<Record<string, unknown>>
  /** A field whose value shows whether a denied update changed anything. */
  field: string
}

const { context, reset } = await testContext()
let staff: Staff

async function attempt(fn: () => Promise<unknown>): Promise<boolean> {
  try {
    await fn()
    return true
  } catch (error) {
    // Denials must be Keystone's access errors, never a crash.
    expect(String(error)).toMatch(/Access denied|You cannot|not have access/i)
    return false
  }
}

async function outcome(actor: Actor, list: ListKey, operation: Operation, target: Target) {
  const db = contextFor(context, staff, actor).db[list] as unknown as {
    findOne(a: object): Promise<unknown>
    findMany(a: object): Promise<unknown[]>
    count(a: object): Promise<number>
    createOne(a: object): Promise<unknown>
    updateOne(a: object): Promise<unknown>
    deleteOne(a: object): Promise<unknown>
  }
  const sudo = context.sudo().db[list] as unknown as typeof db
  const byId = { id: { equals: target.id } }
  switch (operation) {
    case 'queryOne':
      return (await db.findOne({ where: { id: target.id } })) !== null
    case 'queryMany':
      return (await db.findMany({ where: byId })).length === 1
    case 'count':
      return (await db.count({ where: byId })) === 1
    case 'create': {
      const before = await sudo.count({})
      const ok = await attempt(() => db.createOne({ data: target.createData() }))
      expect(await sudo.count({})).toBe(ok ? before + 1 : before)
      return ok
    }
    case 'update': {
      const before = (await sudo.findOne({ where: { id: target.id } })) as Record<string, unknown>
      const data = await target.updateData()
      const ok = await attempt(() => db.updateOne({ where: { id: target.id }, data }))
      const after = (await sudo.findOne({ where: { id: target.id } })) as Record<string, unknown>
      expect(after[target.field]).toEqual(ok ? data[target.field] : before[target.field])
      return ok
    }
    case 'delete': {
      const ok = await attempt(() => db.deleteOne({ where: { id: target.id } }))
      expect(await sudo.findOne({ where: { id: target.id } })).toEqual(
        ok ? null : expect.anything()
      )
      return ok
    }
  }
}

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
})

// ---- The matrix ---------------------------------------------------------------------------

const cases = <T>(rows: T[]) => rows

describe.each(statuses)('Article by reporter A, %s', status => {
  it.each(cases(actors.flatMap(actor => operations.map(op => [actor, op] as const))))(
    '%s: %s',
    async (actor, operation) => {
      const id = await articleByA(context, staff, status)
      const allowed = await outcome(actor, 'Article', operation, {
        id,
        field: 'headline',
        createData: () => ({ headline: newName() }),
        // Every article update carries the version it was loaded at.
        updateData: async () => ({
          headline: newName(),
          version: (await context.sudo().db.Article.findOne({ where: { id } }))!.version,
        }),
      })
      expect(allowed).toBe(articleRules(actor, status)[operation])
    }
  )
})

describe.each(statuses)('RelatedLink on reporter A\u2019s %s article', status => {
  it.each(cases(actors.flatMap(actor => operations.map(op => [actor, op] as const))))(
    '%s: %s',
    async (actor, operation) => {
      const articleId = await articleByA(context, staff, status)
      const link = await context.sudo().db.RelatedLink.createOne({
        data: { label: newName(), article: { connect: { id: articleId } } },
      })
      const allowed = await outcome(actor, 'RelatedLink', operation, {
        id: String(link.id),
        field: 'label',
        createData: () => ({ label: newName(), article: { connect: { id: articleId } } }),
        updateData: () => ({ label: newName() }),
      })
      expect(allowed).toBe(linkRules(actor, status)[operation])
    }
  )
})

describe.each(['Person', 'Organization', 'Place', 'Tag'] as const)('%s (public profile)', list => {
  it.each(cases(actors.flatMap(actor => operations.map(op => [actor, op] as const))))(
    '%s: %s',
    async (actor, operation) => {
      const id = await publicProfile(context, list)
      // A profile a published story uses cannot be deleted (test/lists/profiles.test.ts): the
      // delete case takes one whose story has since been unpublished.
      if (operation === 'delete') {
        await context.sudo().prisma.article.updateMany({ data: { status: 'unpublished' } })
      }
      const allowed = await outcome(actor, list, operation, {
        id,
        field: 'name',
        createData: () => ({ name: newName() }),
        updateData: () => ({ name: newName() }),
      })
      expect(allowed).toBe(profileRules(actor)[operation])
    }
  )
})

describe('User (reporter A\u2019s account)', () => {
  it.each(cases(actors.flatMap(actor => operations.map(op => [actor, op] as const))))(
    '%s: %s',
    async (actor, operation) => {
      // Deleting would remove reporter A for later cases: give that case an account of its own.
      let id = staff.reporterA.userId
      if (operation === 'delete') {
        const user = await context.sudo().db.User.createOne({
          data: {
            name: 'Sementara',
            email: `${newName()}@warta.test`,
            password: 'a-long-test-password',
          },
        })
        id = String(user.id)
      }
      const allowed = await outcome(actor, 'User', operation, {
        id,
        field: 'name',
        createData: () => ({
          name: newName(),
          email: `${newName()}@warta.test`,
          password: 'a-long-test-password',
        }),
        updateData: () => ({ name: newName() }),
      })
      expect(allowed).toBe(accountRules(actor)[operation])
    }
  )
})
