import { beforeAll, describe, expect, it } from 'vitest'
import { seed } from '../../src/seed/seed'
import { testContext } from '../helpers/context'

const { context, reset } = await testContext()
const SEEDED = 'jepang-nato-petakan-bidang-kerja-sama-dalam-program-baru'
const DAY = 24 * 60 * 60 * 1000

/** What an anonymous frontend gets: the GraphQL API with no session. */
async function anonymous(query: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await context.graphql.raw({ query, variables })
  return { data: data as Record<string, any>, errors: errors ?? [] } // eslint-disable-line @typescript-eslint/no-explicit-any
}

beforeAll(async () => {
  await reset()
  await seed(context, { devAccounts: true })
  const db = context.sudo().db
  // A secret source only a draft mentions, a scheduled story, and a link to the draft.
  await db.Person.createOne({ data: { name: 'Sumber Rahasia', slug: 'sumber-rahasia' } })
  await db.Organization.createOne({ data: { name: 'Badan Rahasia', slug: 'badan-rahasia' } })
  await db.Article.createOne({
    data: {
      headline: 'Draf eksklusif',
      slug: 'draf-eksklusif',
      status: 'draft',
      authors: { connect: [{ slug: 'cindy-frishanti-octavia' }] },
      people: { connect: [{ slug: 'sumber-rahasia' }] },
      organizations: { connect: [{ slug: 'badan-rahasia' }] },
    },
  })
  await db.Article.createOne({
    data: {
      headline: 'Terjadwal besok',
      slug: 'terjadwal-besok',
      status: 'published',
      publishedAt: new Date(Date.now() + DAY).toISOString(),
      authors: { connect: [{ slug: 'cindy-frishanti-octavia' }] },
    },
  })
  await db.Article.createOne({
    data: {
      headline: 'Ditarik',
      slug: 'ditarik',
      status: 'unpublished',
      publishedAt: '2023-07-13T00:00:00.000Z',
    },
  })
  await db.RelatedLink.createOne({
    data: {
      label: 'Lihat draf',
      position: 3,
      article: { connect: { slug: SEEDED } },
      targetArticle: { connect: { slug: 'draf-eksklusif' } },
    },
  })
})

describe('anonymous readers', () => {
  it('read the published story by slug', async () => {
    const { data, errors } = await anonymous(
      `{ article(where: { slug: "${SEEDED}" }) { headline status authors { name } } }`
    )
    expect(errors).toEqual([])
    expect(data.article).toMatchObject({
      status: 'published',
      authors: [{ name: 'Cindy Frishanti Octavia' }],
    })
  })

  it.each(['draf-eksklusif', 'terjadwal-besok', 'ditarik'])(
    'cannot read %s by slug',
    async slug => {
      const { data } = await anonymous(`{ article(where: { slug: "${slug}" }) { id headline } }`)
      expect(data.article).toBeNull()
    }
  )

  it('see only the published story in lists and counts, even when filtering for drafts', async () => {
    const { data } = await anonymous(`{
      all: articles { slug } count: articlesCount
      drafts: articles(where: { status: { equals: "draft" } }) { slug }
      draftCount: articlesCount(where: { status: { equals: "draft" } })
    }`)
    expect(data.all).toEqual([{ slug: SEEDED }])
    expect(data.count).toBe(1)
    expect(data.drafts).toEqual([])
    expect(data.draftCount).toBe(0)
    // Staff see all four.
    expect(await context.sudo().db.Article.count()).toBe(4)
  })

  it('do not see unpublished stories through a person', async () => {
    const { data } = await anonymous(`{
      person(where: { slug: "cindy-frishanti-octavia" }) { name authored { slug } authoredCount }
    }`)
    expect(data.person).toEqual({
      name: 'Cindy Frishanti Octavia',
      authored: [{ slug: SEEDED }],
      authoredCount: 1,
    })
  })

  it('do not see people or organizations that only unpublished stories mention', async () => {
    const { data } = await anonymous(`{
      person(where: { slug: "sumber-rahasia" }) { id }
      organization(where: { slug: "badan-rahasia" }) { id }
      people { slug } peopleCount
      organizations { slug }
    }`)
    expect(data.person).toBeNull()
    expect(data.organization).toBeNull()
    expect(data.people.map((p: { slug: string }) => p.slug)).not.toContain('sumber-rahasia')
    expect(data.peopleCount).toBe(4)
    expect(data.organizations.map((o: { slug: string }) => o.slug)).not.toContain('badan-rahasia')
  })

  it('get nothing from a read-also link to an unpublished story', async () => {
    const { data } = await anonymous(`{
      article(where: { slug: "${SEEDED}" }) {
        relatedLinks(orderBy: { position: asc }) { label targetArticle { slug } }
        relatedLinksCount
      }
    }`)
    expect(data.article.relatedLinksCount).toBe(3)
    expect(data.article.relatedLinks[2]).toEqual({ label: 'Lihat draf', targetArticle: null })
  })

  it('never read accounts, directly or through a byline', async () => {
    // Keystone answers a denied list query as if the list were empty: no data, no hint.
    const users = await anonymous(
      `{ users { id email } usersCount user(where: { email: "editor@warta.test" }) { id } }`
    )
    expect(users.data).toEqual({ users: [], usersCount: 0, user: null })
    expect(await context.sudo().db.User.count()).toBe(3)
    const byline = await anonymous(
      `{ person(where: { slug: "cindy-frishanti-octavia" }) { user { email } } }`
    )
    expect(byline.data.person.user).toBeNull()
  })

  it('cannot write anything', async () => {
    const before = await context.sudo().db.Article.count()
    const created = await anonymous(
      `mutation { createArticle(data: { headline: "Palsu" }) { id } }`
    )
    expect(created.errors[0]?.message).toMatch(/access denied/i)
    const updated = await anonymous(
      `mutation { updateArticle(where: { slug: "${SEEDED}" }, data: { headline: "Diretas", version: 2 }) { id } }`
    )
    expect(updated.errors[0]?.message).toMatch(/access denied/i)
    const deleted = await anonymous(
      `mutation { deletePerson(where: { slug: "cindy-frishanti-octavia" }) { id } }`
    )
    expect(deleted.errors[0]?.message).toMatch(/access denied/i)
    expect(await context.sudo().db.Article.count()).toBe(before)
    const story = await context.sudo().db.Article.findOne({ where: { slug: SEEDED } })
    expect(story?.headline).toBe('Jepang-NATO petakan bidang kerja sama dalam program baru')
  })
})
