// A killed story shows its content only to those who read all stories and to its authors
// (docs/newsroom.md: killed articles — reporter "headline, status, kill notice; own: read all").
// Anonymous callers read nothing of the staff API (test/access/anonymous.test.ts); readers get
// the kill notice from the Content API (test/content). For every staff actor, reading, filtering and ordering by its withdrawn fields, and
// every story–profile relationship seen from the profile's side (back-reference, its count, and
// some/every/none filters), must answer as if the link were not there unless the actor reads it.
import { beforeAll, describe, expect, it } from 'vitest'
import { testContext } from '../helpers/context'
import { actors, articleByA, contextFor, createStaff, type Actor, type Staff } from './fixtures'
import { connectInput, gqlNames, newProfile, relations } from './relations'

const { context, reset } = await testContext()
let staff: Staff
let killedId: string
const SECRET = 'Qx'

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
  // Corrections go to published stories: the story is killed after they are made.
  killedId = await articleByA(context, staff, 'published')
  const db = context.sudo().db
  const target = await db.Article.createOne({
    data: { headline: 'Target', status: 'published', publishedAt: '2023-07-12T00:00:00.000Z' },
  })
  await db.RelatedLink.createOne({
    data: {
      label: 'Baca juga',
      article: { connect: { id: killedId } },
      targetArticle: { connect: { id: target.id } },
    },
  })
  await db.Correction.createOne({ data: { note: 'Ralat', article: { connect: { id: killedId } } } })
  // The link and the correction each moved the story's version (src/workflow/touched-stories.ts).
  const { version } = (await db.Article.findOne({ where: { id: killedId } }))!
  await db.Article.updateOne({
    where: { id: killedId },
    data: {
      version,
      status: 'killed',
      summary: `${SECRET} ringkasan`,
      editorialNote: `${SECRET} catatan`,
    },
  })
})

async function as(actor: Actor, query: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await contextFor(context, staff, actor).graphql.raw({ query, variables })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes
  return { data: data as Record<string, any> | null, errors: (errors ?? []).map(e => e.message) }
}

/** Whether `actor` reads reporter A's killed story in full. */
const readsAll = (actor: Actor) => actor !== 'reporterB'
const staffActors = actors.filter(actor => actor !== 'anonymous')

describe.each(staffActors)('%s and reporter A’s killed story', actor => {
  it('reads its withdrawn fields only if it reads it in full', async () => {
    const { data } = await as(
      actor,
      `query ($id: ID!) { article(where: { id: $id }) {
        headline status summary body { document } authors { id } relatedLinks { id }
        corrections { id } correctionsCount
      } }`,
      { id: killedId }
    )
    const story = data!.article
    expect(story.headline).toBeTruthy()
    expect(story.status).toBe('killed')
    for (const field of ['summary', 'body', 'authors', 'relatedLinks', 'corrections']) {
      if (readsAll(actor)) expect(story[field]).not.toBeNull()
      else expect(story[field]).toBeNull()
    }
  })

  it('filters by its withdrawn fields only if it reads them', async () => {
    const answer = (prefix: string) =>
      as(
        actor,
        `query ($id: ID!, $p: String!) {
          articles(where: { id: { equals: $id }, summary: { startsWith: $p } }) { id }
          notKilled: articlesCount(where: { id: { equals: $id }, NOT: { summary: { startsWith: $p } } })
          relatedLinksCount(where: { article: { id: { equals: $id } } })
          correctionsCount(where: { article: { id: { equals: $id } } })
        }`,
        { id: killedId, p: prefix }
      )
    const [secret, other] = [await answer(SECRET), await answer('Zz')]
    if (readsAll(actor)) {
      expect(secret).not.toEqual(other)
      expect(secret.data!.relatedLinksCount).toBe(1)
    } else {
      expect(secret).toEqual(other)
      expect(secret.data!.relatedLinksCount).toBe(0)
      expect(secret.data!.correctionsCount).toBe(0)
    }
  })

  it('orders by a withdrawn field only where no hidden value is ordered', async () => {
    const all = await as(actor, `{ articles(orderBy: { summary: asc }) { id } }`)
    const published = await as(
      actor,
      `{ articles(where: { status: { equals: "published" } }, orderBy: { summary: asc }) { id } }`
    )
    expect(published.errors).toEqual([])
    if (readsAll(actor) && actor !== 'reporterA') expect(all.errors).toEqual([])
    else if (!readsAll(actor)) expect(all.errors).toHaveLength(1)
  })

  it('reads its staff fields only if it reads it in full', async () => {
    const { data } = await as(
      actor,
      `query ($id: ID!) { article(where: { id: $id }) { editorialNote events { id } } }`,
      { id: killedId }
    )
    if (readsAll(actor)) expect(data!.article.editorialNote).toBe(`${SECRET} catatan`)
    else expect(data!.article).toEqual({ editorialNote: null, events: null })
  })
})

// Every back-reference × actor: the link of a killed story is hidden from the profile's side.
const cases = staffActors.flatMap(actor => relations.map(relation => [actor, relation] as const))

describe('a killed story’s links, seen from the profile', () => {
  it.each(cases.map(c => [`${c[0]}, ${c[1].list}.${c[1].backRef}`, c] as const))(
    '%s',
    async (_, [actor, relation]) => {
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
      const storyId = await articleByA(context, staff, 'killed')
      await db.Article.updateOne({
        where: { id: storyId },
        data: { version: 1, [relation.articleField]: connectInput(relation, profileId) },
      })
      const { one, many } = gqlNames[relation.list]
      const filter = (op: string, value: object) => ({
        id: { equals: profileId },
        [relation.backRef]: { [op]: value },
      })
      const { data, errors } = await as(
        actor,
        `query ($id: ID!, $some: ${relation.list}WhereInput!, $every: ${relation.list}WhereInput!,
            $none: ${relation.list}WhereInput!) {
          ${one}(where: { id: $id }) { ${relation.backRef} { id } ${relation.backRef}Count }
          some: ${many}(where: $some) { id }
          someCount: ${many}Count(where: $some)
          every: ${many}(where: $every) { id }
          none: ${many}(where: $none) { id }
        }`,
        {
          id: profileId,
          some: filter('some', { id: { equals: storyId } }),
          every: filter('every', { id: { equals: String(published.id) } }),
          none: filter('none', { id: { equals: storyId } }),
        }
      )
      expect(errors).toEqual([])
      const shown = readsAll(actor)
      const back = data![one]
      const ids = back[relation.backRef].map((a: { id: string }) => a.id).sort()
      expect(ids).toEqual(shown ? [String(published.id), storyId].sort() : [String(published.id)])
      expect(back[`${relation.backRef}Count`]).toBe(shown ? 2 : 1)
      const profile = [{ id: profileId }]
      expect(data!.some).toEqual(shown ? profile : [])
      expect(data!.someCount).toBe(shown ? 1 : 0)
      expect(data!.every).toEqual(shown ? [] : profile)
      expect(data!.none).toEqual(shown ? [] : profile)
    }
  )
})
