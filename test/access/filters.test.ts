// The issue's own probes (issue 12, kind 3), verbatim, and the filters the matrix does not
// generate: killed stories' withdrawn fields under AND and NOT, ordering by them, to-one
// relations (a read-also link's target) and accounts. The probes are a reporter's, who bylines
// none of these stories: the staff API answers anonymous callers nothing at all
// (test/access/anonymous.test.ts), and readers' filters are the Content API's (test/content).
import { beforeAll, describe, expect, it } from 'vitest'
import { seed } from '../../src/seed/seed'
import { asStaff, testContext } from '../helpers/context'

const { context, reset } = await testContext()
const SEEDED = 'jepang-nato-petakan-bidang-kerja-sama-dalam-program-baru'

async function run(ctx: typeof context, query: string) {
  const { data, errors } = await ctx.graphql.raw({ query })
  return { data: data as Record<string, unknown> | null, errors: errors ?? [] }
}
let reporter: typeof context
const outsider = (query: string) => run(reporter, query)

beforeAll(async () => {
  await reset()
  await seed(context, { devAccounts: true })
  const db = context.sudo().db
  await db.Article.createOne({
    data: {
      headline: 'Menlu bertemu diam-diam',
      summary: 'Rahasia',
      status: 'draft',
      people: { connect: [{ slug: 'fumio-kishida' }] },
    },
  })
  await db.Article.createOne({
    data: {
      headline: 'Dicabut',
      slug: 'dicabut',
      summary: 'Kabar yang ditarik',
      status: 'killed',
      publishedAt: '2023-07-13T00:00:00.000Z',
      killedAt: '2023-07-14T00:00:00.000Z',
      killReason: 'Sumber tidak dapat diverifikasi',
    },
  })
  const draft = await db.Article.createOne({ data: { headline: 'Draf target', status: 'draft' } })
  await db.RelatedLink.createOne({
    data: {
      label: 'Ke draf',
      article: { connect: { slug: SEEDED } },
      targetArticle: { connect: { id: draft.id } },
    },
  })
  const user = await db.User.findOne({ where: { email: 'reporter@warta.test' } })
  reporter = asStaff(context, { id: String(user!.id), role: 'reporter' }) as typeof context
})

describe('the issue\u2019s probes', () => {
  it('an unpublished draft\u2019s headline does not change who a person filter finds', async () => {
    const probe = (letter: string) =>
      outsider(`{ people(where: { slug: { equals: "fumio-kishida" }, mentionedIn: { some: {
        status: { equals: "draft" }, headline: { startsWith: "${letter}" } } } }) { name } }`)
    expect(await probe('M')).toEqual({ data: { people: [] }, errors: [] })
    expect(await probe('X')).toEqual(await probe('M'))
  })

  it('a killed story\u2019s withdrawn summary does not change which stories match', async () => {
    const probe = (letter: string) =>
      outsider(`{ articles(where: { status: { equals: "killed" }, summary: { startsWith: "${letter}" } }) { slug }
        n: articlesCount(where: { slug: { equals: "dicabut" }, NOT: [{ summary: { startsWith: "${letter}" } }] }) }`)
    expect(await probe('K')).toEqual({ data: { articles: [], n: 1 }, errors: [] })
    expect(await probe('X')).toEqual(await probe('K'))
  })

  it('staff still filter on everything they read', async () => {
    const editor = asStaff(context, { id: 'x', role: 'editor' }) as typeof context
    const { data } = await run(
      editor,
      `{ articles(where: { status: { equals: "killed" }, summary: { startsWith: "K" } }) { slug } }`
    )
    expect(data).toEqual({ articles: [{ slug: 'dicabut' }] })
  })
})

describe('ordering', () => {
  it('by a field a killed story withholds is refused while killed stories can be in the answer', async () => {
    const { data, errors } = await outsider(`{ articles(orderBy: { summary: asc }) { slug } }`)
    expect(data).toEqual({ articles: null })
    expect(errors[0]!.message).toMatch(/cannot order Article items by summary/)
    expect(errors[0]!.extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('by the same field is fine once the where leaves killed stories out', async () => {
    for (const status of ['{ equals: "published" }', '{ in: ["published"] }']) {
      const { errors } = await outsider(
        `{ articles(where: { status: ${status} }, orderBy: { publishedAt: desc }) { slug } }`
      )
      expect(errors).toEqual([])
    }
  })
})

describe('other relations', () => {
  it('a read-also link\u2019s target that is a draft does not answer to its headline', async () => {
    const probe = (prefix: string) =>
      outsider(`{ relatedLinksCount(where: { targetArticle: { headline: { startsWith: "${prefix}" } } })
        none: relatedLinksCount(where: { label: { equals: "Ke draf" }, targetArticle: null }) }`)
    expect(await probe('Draf t')).toEqual(await probe('Zzz'))
    // The API shows an unreadable target as null: the filter agrees.
    expect((await probe('Zzz')).data!.none).toBe(1)
  })

  it('a reporter does not learn other accounts\u2019 names through a byline', async () => {
    const probe = (name: string) =>
      run(
        reporter,
        `{ peopleCount(where: { user: { name: { equals: ${JSON.stringify(name)} } } }) }`
      )
    const editor = await context.sudo().db.User.findOne({ where: { email: 'editor@warta.test' } })
    expect(await probe(editor!.name)).toEqual({ data: { peopleCount: 0 }, errors: [] })
  })
})
