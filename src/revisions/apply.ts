// Writes a snapshot back into a story's working copy (discardChanges, restoreArticleRevision), in
// the caller's transaction. Relations are re-linked by their stable ids: a profile or a target
// story deleted since is left out, and the answer says so. The live copy is not touched.
import type { KeystoneContext } from '@keystone-6/core/types'
import { databaseProvider } from '../db/url.mjs'
import { SNAPSHOT_MANY, SNAPSHOT_ONE, type Snapshot } from './snapshot'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>

const MODELS: Record<string, string> = {
  Person: 'person',
  Organization: 'organization',
  Place: 'place',
  Tag: 'tag',
}

async function existing(context: Context, model: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = (await context.prisma[model].findMany({
    where: { id: { in: ids } },
    select: { id: true },
  })) as { id: string }[]
  return new Set(rows.map(r => r.id))
}

/** Writes `snapshot` into article `id`'s row, links and relations; returns what was left out. */
export async function writeWorkingCopy(
  context: Context,
  id: string,
  snapshot: Snapshot
): Promise<string[]> {
  const notes: string[] = []
  const { fields, relations, relatedLinks } = snapshot
  const data: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'editorialNote' && value == null) continue // a baseline does not know it
    if (field === 'storyDate')
      data.storyDate =
        value == null
          ? null
          : databaseProvider() === 'postgresql'
            ? new Date(`${String(value)}T00:00:00.000Z`)
            : String(value)
    else data[field] = value
  }
  // An address another story has taken since stays with it: this one keeps its current slug.
  const taken = await context.prisma.article.count({
    where: { slug: String(fields.slug), NOT: { id } },
  })
  if (taken > 0) {
    delete data.slug
    notes.push(`the address "${String(fields.slug)}" belongs to another story now; kept this one's`)
  }
  const tables = { ...SNAPSHOT_ONE, ...SNAPSHOT_MANY } as Record<string, string>
  for (const [relation, ids] of Object.entries(relations)) {
    const table = tables[relation]!
    const found = await existing(context, MODELS[table]!, ids)
    const kept = ids.filter(i => found.has(i))
    if (kept.length < ids.length) {
      const n = ids.length - kept.length
      notes.push(`${n} of its ${relation} ${n === 1 ? 'was' : 'were'} deleted since: left out`)
    }
    if (relation in SNAPSHOT_ONE)
      data[relation] = kept[0] ? { connect: { id: kept[0] } } : { disconnect: true }
    else data[relation] = { set: kept.map(i => ({ id: i })) }
  }
  await context.prisma.article.update({ where: { id }, data })

  const targets = await context.prisma.article.findMany({
    where: { id: { in: relatedLinks.flatMap(l => (l.targetArticle ? [l.targetArticle] : [])) } },
    select: { id: true },
  })
  const live = new Set((targets as { id: string }[]).map(t => t.id))
  await context.prisma.relatedLink.deleteMany({ where: { articleId: id } })
  for (const link of relatedLinks) {
    const target = link.targetArticle && live.has(link.targetArticle) ? link.targetArticle : null
    if (link.targetArticle && !target)
      notes.push(
        `the read-also line "${link.label}" points to a story deleted since: kept unlinked`
      )
    await context.prisma.relatedLink.create({
      data: {
        articleId: id,
        label: link.label,
        url: link.url,
        targetArticleId: target,
        placement: link.placement,
        afterParagraph: link.afterParagraph,
        position: link.position,
      },
    })
  }
  return notes
}
