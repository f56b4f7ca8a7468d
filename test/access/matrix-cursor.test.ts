// A cursor reveals nothing the caller may not read (fault: cursor pagination). For every actor ×
// status of reporter A's story × form (list query, a profile's relationship field), a cursor
// naming that story must answer exactly as a cursor naming no item unless the actor reads the
// story, and when it positions a page, ordering must not sort by a value the story hides there.
import { beforeAll, describe, expect, it } from 'vitest'
import { testContext } from '../helpers/context'
import {
  actors,
  articleByA,
  contextFor,
  createStaff,
  statuses,
  type Actor,
  type Staff,
  type Status,
} from './fixtures'

const { context, reset } = await testContext()
let staff: Staff
let tagId: string
const NO_ITEM = 'cursor-naming-no-item'

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
  const tag = await context.sudo().db.Tag.createOne({ data: { name: 'Kursor' } })
  tagId = String(tag.id)
  for (const headline of ['Alfa', 'Beta', 'Gama', 'Delta']) {
    await context.sudo().db.Article.createOne({
      data: {
        headline,
        summary: `${headline} ringkasan`,
        status: 'published',
        publishedAt: '2023-07-12T00:00:00.000Z',
        tags: { connect: [{ id: tagId }] },
      },
    })
  }
})

async function as(actor: Actor, query: string, variables: Record<string, unknown>) {
  const { data, errors } = await contextFor(context, staff, actor).graphql.raw({ query, variables })
  return { data, errors: (errors ?? []).map(e => e.message) }
}

/** Whether `actor` reads reporter A's story in `status` (the item), and all its fields. */
function reads(actor: Actor, status: Status) {
  // The staff API answers anonymous callers nothing (readers use the Content API).
  if (actor === 'anonymous') return { item: false, whole: false }
  const addressable = status === 'published' || status === 'killed'
  const item = actor === 'reporterB' ? addressable : true
  const whole = item && !(status === 'killed' && actor === 'reporterB')
  return { item, whole }
}

/** Reporter A's story in `status`, tagged like the published ones, with its own summary. */
async function storyByA(status: Status, slug: string) {
  const id = await articleByA(context, staff, status)
  await context.sudo().db.Article.updateOne({
    where: { id },
    data: {
      version: 1,
      headline: 'Beta rahasia',
      slug,
      summary: 'Beta rahasia ringkasan',
      editorialNote: 'Catatan',
      tags: { connect: [{ id: tagId }] },
    },
  })
  return id
}

const LIST = `query ($cursor: ArticleWhereUniqueInput!, $order: [ArticleOrderByInput!]!,
    $where: ArticleWhereInput!) {
  articles(take: 3, orderBy: $order, cursor: $cursor, where: $where) { id }
}`
const RELATION = `query ($cursor: ArticleWhereUniqueInput!, $order: [ArticleOrderByInput!]!,
    $where: ArticleWhereInput!, $tag: ID!) {
  tag(where: { id: $tag }) { articles(take: 3, orderBy: $order, cursor: $cursor, where: $where) { id } }
}`

const orders = [
  { name: 'headline', order: [{ headline: 'asc' }], where: {}, hidden: false },
  {
    name: 'summary, published only',
    order: [{ summary: 'asc' }],
    where: { status: { equals: 'published' } },
    hidden: true,
  },
]
const cases = actors.flatMap(actor =>
  statuses.flatMap(status => orders.map(order => [actor, status, order] as const))
)

// A killed story's tags are hidden where its content is: the tag's side hides the story too.
describe.each([
  ['list query', LIST, false],
  ['relationship field', RELATION, true],
] as const)('cursor in a %s', (_, query, linkIsContent) => {
  it.each(cases.map(c => [`${c[0]}, ${c[1]} story, ordered by ${c[2].name}`, c] as const))(
    '%s',
    async (__, [actor, status, { order, where, hidden }]) => {
      const slug = `kursor-${status.replace('_', '-')}-${Math.random().toString(36).slice(2)}`
      const id = await storyByA(status, slug)
      const vars = { order, where, tag: tagId }
      const none = await as(actor, query, { ...vars, cursor: { id: NO_ITEM } })
      const byId = await as(actor, query, { ...vars, cursor: { id } })
      const bySlug = await as(actor, query, { ...vars, cursor: { slug } })
      const { item, whole } = reads(actor, status)
      const shown = item && (whole || (!hidden && !linkIsContent))
      if (shown) {
        expect(byId.errors).toEqual([])
        expect(byId).not.toEqual(none)
      } else expect(byId).toEqual(none)
      expect(bySlug).toEqual(byId)
    }
  )
})

describe('the issue', () => {
  it('reporter B cannot binary-search the editorial note of A’s draft by cursor', async () => {
    const id = await storyByA('draft', 'kursor-catatan')
    const note = (cursor: string) =>
      as('reporterB', LIST, {
        order: [{ editorialNote: 'asc' }],
        where: {},
        cursor: { id: cursor },
      })
    expect(await note(id)).toEqual(await note(NO_ITEM))
  })
})
