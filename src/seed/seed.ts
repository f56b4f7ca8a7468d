import type { Context } from '../../generated/keystone/types'
import { allowDevPassword } from '../accounts/dev-password'
import { inTransaction } from '../db/transaction'
import { env } from '../env'
import { publishStories } from '../content/publisher'
import type { Role } from '../access/roles'
import { antaraStory, organizations, people, places, type SeedArticle } from './antara'

type Db = Context['db']
type Data = Record<string, unknown>

const bySlug = (slugs: readonly string[]) => slugs.map(slug => ({ slug }))
const one = (slug: string | undefined) => (slug ? { connect: { slug } } : undefined)

/** Create the record with this slug, or bring its fields back to `data`. Returns its id. */
async function upsertBySlug(db: Db, listKey: string, slug: string, data: Data): Promise<string> {
  const list = (db as unknown as Record<string, Context['db']['Place']>)[listKey]!
  const existing = await list.findOne({ where: { slug } })
  // Articles refuse updates that do not carry the version they were loaded at.
  const version = (existing as { version?: number } | null)?.version
  const item = existing
    ? await list.updateOne({ where: { slug }, data: version ? { ...data, version } : data })
    : await list.createOne({ data: { slug, ...data } })
  return String(item.id)
}

export function articleBody(paragraphs: readonly string[]) {
  return paragraphs.map(text => ({ type: 'paragraph', children: [{ text }] }))
}

async function seedStory(db: Db, story: SeedArticle) {
  // Two passes: every profile exists before anything points at it.
  for (const { slug, parent: _parent, ...place } of places) {
    await upsertBySlug(db, 'Place', slug, { ...place })
  }
  for (const { slug, memberOf: _memberOf, ...org } of organizations) {
    await upsertBySlug(db, 'Organization', slug, { ...org })
  }
  for (const { slug, affiliations, staffAccount: _account, ...person } of people) {
    await upsertBySlug(db, 'Person', slug, { ...person })
    await db.Person.updateOne({
      where: { slug },
      data: { affiliations: { set: bySlug(affiliations) } },
    })
  }
  for (const place of places) {
    if (place.parent)
      await db.Place.updateOne({ where: { slug: place.slug }, data: { parent: one(place.parent) } })
  }
  for (const org of organizations) {
    await db.Organization.updateOne({
      where: { slug: org.slug },
      data: { memberOf: { set: bySlug(org.memberOf ?? []) } },
    })
  }

  const articleId = await upsertBySlug(db, 'Article', story.slug, {
    headline: story.headline,
    language: story.language,
    dateline: story.dateline,
    storyDate: story.storyDate,
    status: 'published',
    publishedAt: story.publishedAt,
    publicationNote: story.publicationNote,
    body: articleBody(story.paragraphs),
    sourceCredit: story.sourceCredit,
    copyrightNotice: story.copyrightNotice,
    originalUrl: story.originalUrl,
  })
  const { version } = (await db.Article.findOne({ where: { id: articleId } }))!
  await db.Article.updateOne({
    where: { id: articleId },
    data: {
      version,
      datelinePlace: one(story.datelinePlace),
      copyrightHolder: one(story.copyrightHolder),
      authors: { set: bySlug(story.authors) },
      editors: { set: bySlug(story.editors) },
      people: { set: bySlug(story.people) },
      organizations: { set: bySlug(story.organizations) },
      sources: { set: bySlug(story.sources) },
      places: { set: bySlug(story.places) },
    },
  })

  // Read-also links have no slug: a link is "the article's link at position N".
  for (const link of story.relatedLinks) {
    const data = {
      label: link.label,
      placement: link.placement,
      afterParagraph: link.afterParagraph ?? null,
      position: link.position,
    }
    const [existing] = await db.RelatedLink.findMany({
      where: { article: { id: { equals: articleId } }, position: { equals: link.position } },
      take: 1,
    })
    if (existing) await db.RelatedLink.updateOne({ where: { id: String(existing.id) }, data })
    else
      await db.RelatedLink.createOne({ data: { ...data, article: { connect: { id: articleId } } } })
  }
}

export const devAccounts: readonly { email: string; name: string; role: Role }[] = [
  { email: 'admin@warta.test', name: 'Warta Admin', role: 'admin' },
  { email: 'editor@warta.test', name: 'Arie Novarina', role: 'editor' },
  { email: 'reporter@warta.test', name: 'Cindy Frishanti Octavia', role: 'reporter' },
]

/** Development sign-ins, linked to the story's staff Persons. Existing accounts are left as they are. */
async function seedDevAccounts(db: Db) {
  for (const account of devAccounts) {
    if (await db.User.findOne({ where: { email: account.email } })) continue
    const person = people.find(p => p.staffAccount === account.role)
    await db.User.createOne({
      data: { ...account, password: env.devPassword, person: one(person?.slug) },
    })
  }
}

/**
 * Seeds the ANTARA story with its people, organizations, places and links. Idempotent: a second
 * run finds everything by slug and leaves exactly one copy. All or nothing (one transaction).
 */
export async function seed(context: Context, { devAccounts }: { devAccounts: boolean }) {
  // Prisma closes an interactive transaction after 5 s by default, and Keystone then reports
  // the next nested connect as "cannot connect … may not exist". Seeding ~40 rows on a busy
  // machine (a CI runner building next to it) can take longer than that.
  await inTransaction(
    context.sudo(),
    async tx => {
      await seedStory(tx.db, antaraStory)
      // The saves' hooks published it already; this makes the seed's promise explicit.
      const story = await tx.db.Article.findOne({ where: { slug: antaraStory.slug } })
      if (story) await publishStories(tx.prisma, [String(story.id)])
      // The dev password is refused for every other account (src/accounts/dev-password.ts).
      if (devAccounts) await allowDevPassword(() => seedDevAccounts(tx.db))
    },
    { timeout: 120_000, maxWait: 60_000 }
  )
}

/**
 * True on a fresh database: no article yet. Accounts do not count, so that an admin created
 * with `npm run user:create` before the first production start still gets the story seeded
 * (a published story cannot be deleted, so this never re-seeds a working newsroom).
 */
export async function isEmpty(context: Context): Promise<boolean> {
  return (await context.sudo().db.Article.count()) === 0
}
