// Filters never reveal what the caller may not read (issue 12, kind 3). For every actor ×
// article status × story–profile relationship × relation filter (some, every, none) × form
// (list query, count, and the profile's relationship field and its count), the answer about a
// story by reporter A whose headline and summary start with a probe must not depend on the probe
// unless the actor may read that story and its summary; when they may, it must (filters work).
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
import { connectInput, gqlNames, newProfile, relations, type Relation } from './relations'

const { context, reset } = await testContext()
let staff: Staff
const SECRET = 'Qx'
const OTHER = 'Zz'

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
})

async function as(actor: Actor, query: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await contextFor(context, staff, actor).graphql.raw({ query, variables })
  expect(errors ?? []).toEqual([])
  return data
}

/** Whether `actor` reads reporter A's story in `status`, and its summary there. */
function reads(actor: Actor, status: Status) {
  // The staff API answers anonymous callers nothing (readers use the Content API).
  if (actor === 'anonymous') return false
  const addressable = status === 'published' || status === 'killed'
  const item = actor === 'reporterB' ? addressable : true
  // A killed story's summary is withdrawn from all but those who read all stories and its authors.
  return item && !(actor === 'reporterB' && status === 'killed')
}

/** A public profile (a published story holds it) that reporter A's `status` story holds too. */
async function setup(relation: Relation, status: Status) {
  const db = context.sudo().db
  const profileId = await newProfile(context, relation.list)
  const published = await db.Article.createOne({
    data: {
      headline: 'Terbit',
      status: 'published',
      publishedAt: '2023-07-12T00:00:00.000Z',
      [relation.articleField]: connectInput(relation, profileId),
    },
  })
  const secretId = await articleByA(context, staff, status)
  await db.Article.updateOne({
    where: { id: secretId },
    data: {
      version: 1,
      headline: `${SECRET} rahasia`,
      summary: `${SECRET} ringkasan`,
      [relation.articleField]: connectInput(relation, profileId),
    },
  })
  return { profileId, publishedId: String(published.id) }
}

const probe = (prefix: string) => ({
  headline: { startsWith: prefix },
  summary: { startsWith: prefix },
})

/** The relation filter `op` over the back-reference, discriminating on the probe. */
function relationFilter(op: 'some' | 'every' | 'none', prefix: string, publishedId: string) {
  // `every` would fail on the published story: let it pass by id.
  if (op === 'every') return { every: { OR: [{ id: { equals: publishedId } }, probe(prefix)] } }
  return { [op]: probe(prefix) }
}

const cases = actors.flatMap(actor =>
  statuses.flatMap(status => relations.map(relation => [actor, status, relation] as const))
)

describe.each(['some', 'every', 'none'] as const)('relation filter %s', op => {
  it.each(cases.map(c => [`${c[0]}, ${c[1]} story, ${c[2].list}.${c[2].backRef}`, c] as const))(
    '%s',
    async (_, [actor, status, relation]) => {
      const { profileId, publishedId } = await setup(relation, status)
      const { one, many } = gqlNames[relation.list]
      const answer = async (prefix: string) => {
        const where = {
          id: { equals: profileId },
          [relation.backRef]: relationFilter(op, prefix, publishedId),
        }
        return as(
          actor,
          `query ($where: ${relation.list}WhereInput!, $id: ID!, $inner: ArticleWhereInput!) {
            ${many}(where: $where) { id }
            ${many}Count(where: $where)
            ${one}(where: { id: $id }) {
              ${relation.backRef}(where: $inner) { id }
              ${relation.backRef}Count(where: $inner)
            }
          }`,
          { where, id: profileId, inner: probe(prefix) }
        )
      }
      const [secret, other] = [await answer(SECRET), await answer(OTHER)]
      if (reads(actor, status)) expect(secret).not.toEqual(other)
      else expect(secret).toEqual(other)
    }
  )
})
