// Keystone's GraphQL API is the staff API (issue 13): its access rules give a caller without a
// session nothing, for every root field of the staff schema, with no restatement of when a story
// is public (readers use the Content API, test/content). These calls run in-process, past the
// HTTP plugin that refuses them first (test/http/staff-only.test.ts): the second layer alone.
import { beforeAll, describe, expect, it } from 'vitest'
import { seed } from '../../src/seed/seed'
import { testContext } from '../helpers/context'
import { LISTS } from '../lists/writes'
import { ANONYMOUS_ALLOWED, rootRequests } from '../helpers/staff-schema'

const { context, reset } = await testContext()
const SEEDED = 'jepang-nato-petakan-bidang-kerja-sama-dalam-program-baru'
let ids: Record<string, string> = {}

/** What a caller with no session gets from the staff schema, in-process. */
async function anonymous(query: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await context.graphql.raw({ query, variables })
  return { data: data as Record<string, any> | null, errors: errors ?? [] } // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Every row of every list, to show that a refused write wrote nothing. */
async function everything() {
  const sudo = context.sudo()
  const rows: Record<string, unknown> = {}
  for (const list of LISTS) rows[list] = await sudo.db[list]!.findMany({ orderBy: { id: 'asc' } })
  rows.store = await context.prisma.$queryRawUnsafe(
    'SELECT "articleId", "data" FROM "ContentStory" ORDER BY "articleId"'
  )
  return rows
}

beforeAll(async () => {
  await reset()
  await seed(context, { devAccounts: true })
  const sudo = context.sudo()
  // A story in every list, so that each unique where names a real item.
  const story = await sudo.db.Article.findOne({ where: { slug: SEEDED } })
  await sudo.db.Correction.createOne({
    data: { note: 'Ralat', article: { connect: { id: story!.id } } },
  })
  await sudo.db.Tag.createOne({
    data: { name: 'Diplomasi', articles: { connect: [{ id: story!.id }] } },
  })
  await context.prisma.articleEvent.create({
    data: {
      articleId: String(story!.id),
      action: 'publish',
      fromStatus: 'draft',
      toStatus: 'published',
      at: new Date(),
    },
  })
  for (const list of LISTS) {
    const [first] = await sudo.db[list]!.findMany({ take: 1, orderBy: { id: 'asc' } })
    expect(first, `a ${list} to name`).toBeDefined()
    ids[list] = String(first!.id)
  }
})

describe('a caller without a session', () => {
  const fields = () => rootRequests(ids).filter(r => !ANONYMOUS_ALLOWED.has(`${r.type}.${r.field}`))

  it('reads nothing through any root query field: empty lists, zero counts, no items', async () => {
    const queries = fields().filter(r => r.type === 'query')
    expect(queries.length).toBeGreaterThan(25)
    for (const request of queries) {
      // Keystone's own meta field: its Admin UI metadata is for signed-in staff (ui.isAccessAllowed).
      if (request.field === 'keystone')
        request.query = '{ keystone { adminMeta { lists { key } } } }'
      const { data } = await anonymous(request.query, request.variables)
      const answer = data?.[request.field]
      if (request.field.endsWith('Count')) expect(answer, request.field).toBe(0)
      else if (Array.isArray(answer)) expect(answer, request.field).toEqual([])
      else expect(answer ?? null, request.field).toBeNull()
    }
  })

  it('reads no story, profile or link even when naming it, filtering or following relations', async () => {
    const { data } = await anonymous(`{
      article(where: { slug: "${SEEDED}" }) { headline }
      articles(where: { status: { equals: "published" } }, orderBy: { publishedAt: desc }) { slug }
      person(where: { slug: "cindy-frishanti-octavia" }) { name authored { slug } }
      people(where: { authored: { some: { status: { equals: "published" } } } }) { slug }
      relatedLinks(where: { article: { slug: { equals: "${SEEDED}" } } }) { label }
      users { email }
    }`)
    expect(data).toEqual({
      article: null,
      articles: [],
      person: null,
      people: [],
      relatedLinks: [],
      users: [],
    })
  })

  it('writes nothing through any root mutation field: each is refused', async () => {
    const before = await everything()
    const mutations = fields().filter(r => r.type === 'mutation')
    expect(mutations.length).toBeGreaterThan(60)
    for (const request of mutations) {
      const { data, errors } = await anonymous(request.query, request.variables)
      // Refused by the access rules themselves, not by a malformed request.
      expect(errors.length, request.field).toBeGreaterThan(0)
      for (const error of errors) expect(error.message, request.field).toMatch(/^Access denied/)
      const answer = data?.[request.field]
      if (Array.isArray(answer))
        expect(
          answer.every(item => item === null),
          request.field
        ).toBe(true)
      else expect(answer ?? null, request.field).toBeNull()
    }
    expect(await everything()).toEqual(before)
  })

  it('may sign in and ask who it is: nobody', async () => {
    const { data, errors } = await anonymous('{ authenticatedItem { __typename } }')
    expect(errors).toEqual([])
    expect(data).toEqual({ authenticatedItem: null })
  })
})
