// Field-level rules and the rules that are more than allow/deny: hidden fields, protected
// fields, bylines, and the last admin.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { failureOf, testContext } from '../helpers/context'
import { articleByA, contextFor, createStaff, type Staff } from './fixtures'

const { context, reset } = await testContext()
let staff: Staff
const as = (actor: Parameters<typeof contextFor>[2]) => contextFor(context, staff, actor)
const sudo = () => context.sudo()

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
})

describe('internal editorial fields', () => {
  let id: string
  beforeAll(async () => {
    id = await articleByA(context, staff, 'published')
    await sudo().db.Article.updateOne({
      where: { id },
      data: { editorialNote: 'sumber: pejabat X', version: 1 },
    })
  })

  it('are unreadable, unfilterable and unsortable for anonymous callers: no story at all', async () => {
    // The staff API answers a list an anonymous caller may not query as empty (or refuses the
    // order outright).
    const result = await context.graphql.raw({
      query: `query($id: ID!) { article(where: { id: $id }) { headline editorialNote }
        filtered: articles(where: { editorialNote: { contains: "pejabat" } }) { id }
        ordered: articles(orderBy: { editorialNote: asc }) { id } }`,
      variables: { id },
    })
    expect(result.data).toMatchObject({ article: null, filtered: [] })
    expect((result.data as { ordered: unknown[] | null }).ordered ?? []).toEqual([])
    expect(JSON.stringify(result)).not.toContain('pejabat')
  })

  it('are readable and filterable by staff', async () => {
    const found = await as('reporterB').query.Article.findMany({
      where: { editorialNote: { contains: 'pejabat' } },
      query: 'editorialNote',
    })
    expect(found).toEqual([{ editorialNote: 'sumber: pejabat X' }])
  })
})

describe('account fields', () => {
  it('never expose a password hash to anyone', async () => {
    const mine = await as('reporterA').query.User.findOne({
      where: { id: staff.reporterA.userId },
      query: 'password { isSet }',
    })
    expect(mine).toEqual({ password: { isSet: true } })
    const schema = await context.graphql.raw({
      query: '{ __type(name: "User") { fields { name type { name } } } }',
    })
    const password = (schema.data as any).__type.fields.find(
      (f: { name: string }) => f.name === 'password'
    ) // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(password.type.name).toBe('PasswordState')
  })

  it('show an email to its owner and to admins only', async () => {
    const query = 'name email role'
    const where = { id: staff.reporterA.userId }
    expect((await as('reporterA').query.User.findOne({ where, query })).email).toMatch(
      /@warta\.test$/
    )
    expect((await as('admin').query.User.findOne({ where, query })).email).toMatch(/@warta\.test$/)
    expect(await as('editor').query.User.findOne({ where, query })).toEqual({
      name: 'Reporter A',
      email: null,
      role: 'reporter',
    })
  })

  it('cannot be searched by email except by admins (no probing for addresses)', async () => {
    const where = { email: { contains: 'reporter' } }
    expect(await failureOf(() => as('editor').db.User.findMany({ where }))).toMatch(
      /access denied|filter/i
    )
    expect((await as('admin').db.User.findMany({ where })).length).toBeGreaterThan(0)
  })

  it.each(['reporterA', 'editor'] as const)(
    '%s cannot change their own role or email',
    async actor => {
      const id = staff[actor].userId
      const before = await sudo().db.User.findOne({ where: { id } })
      expect(
        await failureOf(() =>
          as(actor).db.User.updateOne({ where: { id }, data: { role: 'admin' } })
        )
      ).toMatch(/cannot update.*role|Access denied/i)
      expect(
        await failureOf(() =>
          as(actor).db.User.updateOne({ where: { id }, data: { email: 'x@warta.test' } })
        )
      ).toMatch(/Access denied/i)
      expect(await sudo().db.User.findOne({ where: { id } })).toEqual(before)
    }
  )

  it('a reporter can change their own name and password', async () => {
    const id = staff.reporterA.userId
    await as('reporterA').db.User.updateOne({
      where: { id },
      data: { name: 'Reporter A', password: 'a-new-long-password' },
    })
    const updated = await sudo().query.User.findOne({ where: { id }, query: 'name' })
    expect(updated.name).toBe('Reporter A')
  })

  it('passwords need at least 10 characters', async () => {
    const id = staff.reporterA.userId
    expect(
      await failureOf(() =>
        as('reporterA').db.User.updateOne({ where: { id }, data: { password: 'short-pw' } })
      )
    ).toMatch(/User\.password/)
  })

  it('only admins link a byline to a login', async () => {
    const person = await sudo().db.Person.createOne({ data: { name: 'Calon' } })
    for (const actor of ['reporterA', 'editor'] as const) {
      expect(
        await failureOf(() =>
          as(actor).db.Person.updateOne({
            where: { id: person.id },
            data: { user: { connect: { id: staff[actor].userId } } },
          })
        )
      ).toMatch(/Access denied/i)
    }
    expect((await sudo().db.Person.findOne({ where: { id: person.id } }))?.userId).toBeNull()
  })
})

describe('article status and bylines', () => {
  it.each(['reporterA', 'editor', 'admin'] as const)(
    '%s cannot write status or its stamps directly (only workflow actions do), and nothing changes',
    async actor => {
      const id = await articleByA(context, staff, 'draft')
      const before = await sudo().db.Article.findOne({ where: { id } })
      for (const data of [
        { status: 'published', version: 1 },
        { publishedAt: '2024-01-01T00:00:00.000Z', version: 1 },
        { killReason: 'x', version: 1 },
      ]) {
        expect(
          await failureOf(() => as(actor).db.Article.updateOne({ where: { id }, data }))
        ).toMatch(/Access denied/i)
      }
      expect(await sudo().db.Article.findOne({ where: { id } })).toEqual(before)
      const count = await sudo().db.Article.count()
      expect(
        await failureOf(() =>
          as(actor).db.Article.createOne({ data: { headline: 'X', status: 'published' } })
        )
      ).toMatch(/Access denied/i)
      expect(await sudo().db.Article.count()).toBe(count)
    }
  )

  it('a new story by a reporter starts as a draft bylined to them', async () => {
    const created = await as('reporterB').query.Article.createOne({
      data: { headline: 'Liputan B' },
      query: 'status authors { id }',
    })
    expect(created).toEqual({ status: 'draft', authors: [{ id: staff.reporterB.personId }] })
  })

  it('a reporter may add a co-author but not remove themselves', async () => {
    const id = await articleByA(context, staff, 'draft')
    await as('reporterA').db.Article.updateOne({
      where: { id },
      data: { authors: { connect: [{ id: staff.reporterB.personId! }] }, version: 1 },
    })
    for (const authors of [
      { disconnect: [{ id: staff.reporterA.personId! }] },
      { set: [{ id: staff.reporterB.personId! }] },
    ]) {
      expect(
        await failureOf(() =>
          as('reporterA').db.Article.updateOne({ where: { id }, data: { authors, version: 2 } })
        )
      ).toMatch(/cannot remove yourself as an author/)
    }
    const after = await sudo().query.Article.findOne({
      where: { id },
      query: 'authors(orderBy: { name: asc }) { name }',
    })
    expect(after.authors).toEqual([{ name: 'Reporter A' }, { name: 'Reporter B' }])
  })

  it('a reporter without a byline gets a clear error instead of an orphan story', async () => {
    const user = await sudo().db.User.createOne({
      data: { name: 'Tanpa Byline', email: 'tanpa@warta.test', password: 'a-long-test-password' },
    })
    const count = await sudo().db.Article.count()
    const error = await failureOf(() =>
      contextFor(
        context,
        { ...staff, reporterB: { userId: String(user.id) } },
        'reporterB'
      ).db.Article.createOne({
        data: { headline: 'Yatim' },
      })
    )
    expect(error).toMatch(/no byline \(Person\)/)
    expect(await sudo().db.Article.count()).toBe(count)
  })

  it('a reporter cannot attach a read-also link to someone else\u2019s story', async () => {
    const id = await articleByA(context, staff, 'draft')
    expect(
      await failureOf(() =>
        as('reporterB').db.RelatedLink.createOne({
          data: { label: 'x', article: { connect: { id } } },
        })
      )
    ).toMatch(/Access denied/i)
  })
})

describe('the last admin', () => {
  beforeEach(async () => {
    // Exactly one active admin: the fixture's.
    const others = await sudo().db.User.findMany({
      where: { role: { equals: 'admin' }, id: { not: { equals: staff.admin.userId } } },
    })
    for (const other of others) await sudo().db.User.deleteOne({ where: { id: String(other.id) } })
  })

  it.each([
    ['demoted', { role: 'editor' }],
    ['deactivated', { isActive: false }],
  ])('cannot be %s', async (_, data) => {
    const id = staff.admin.userId
    expect(await failureOf(() => as('admin').db.User.updateOne({ where: { id }, data }))).toMatch(
      /last active admin/
    )
    expect(await sudo().db.User.findOne({ where: { id } })).toMatchObject({
      role: 'admin',
      isActive: true,
    })
  })

  it('cannot be deleted', async () => {
    const id = staff.admin.userId
    expect(await failureOf(() => as('admin').db.User.deleteOne({ where: { id } }))).toMatch(
      /last active admin/
    )
    expect(await sudo().db.User.findOne({ where: { id } })).not.toBeNull()
  })

  it('can step down once another admin exists', async () => {
    const second = await as('admin').db.User.createOne({
      data: {
        name: 'Admin 2',
        email: 'admin2@warta.test',
        password: 'a-long-test-password',
        role: 'admin',
      },
    })
    const id = staff.admin.userId
    await as('admin').db.User.updateOne({ where: { id }, data: { role: 'editor' } })
    expect((await sudo().db.User.findOne({ where: { id } }))?.role).toBe('editor')
    // Restore for other tests.
    await sudo().db.User.updateOne({ where: { id }, data: { role: 'admin' } })
    await sudo().db.User.deleteOne({ where: { id: String(second.id) } })
  })
})
