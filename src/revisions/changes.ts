// Whether a published story's working copy differs from its live copy, and since when: the
// latest revision (every save records one) against the live revision, by content hash.
import type { KeystoneContext } from '@keystone-6/core/types'
import { compareSnapshots, describeChanges } from './compare'
import { liveRevisions } from './live'
import { parseSnapshot } from './snapshot'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>

export type UnpublishedChanges = {
  /** The first save after which the working copy has differed from the live copy. */
  since: Date
  /** Who made that save (the name as it was). */
  by: string
  /** The live revision's version, and the working copy's latest revision version. */
  liveVersion: number
  latestVersion: number
}

/**
 * The unpublished changes of a story, or null when there are none: not published, no live
 * revision (then its row is its live copy), or the latest content equal to the live content.
 */
export async function unpublishedChanges(
  context: Context,
  id: string,
  status: string,
  /** false: only whether there are changes (`since` is then the latest save's time). */
  detail = true
): Promise<UnpublishedChanges | null> {
  if (status !== 'published') return null
  const prisma = context.sudo().prisma
  const live = (await liveRevisions(prisma, [id])).get(id)
  if (!live) return null
  type Rev = { version: number; at: Date; actorName: string; contentHash: string }
  const [latest] = (await prisma.articleRevision.findMany({
    where: { articleId: id },
    orderBy: { version: 'desc' },
    take: 1,
    select: { version: true, at: true, actorName: true, contentHash: true },
  })) as Rev[]
  if (!latest || latest.contentHash === live.contentHash) return null
  if (!detail)
    return {
      since: latest.at,
      by: latest.actorName,
      liveVersion: live.version,
      latestVersion: latest.version,
    }
  // The revisions since the live one: the changes start after the last one equal to it.
  const after = (await prisma.articleRevision.findMany({
    where: { articleId: id, version: { gt: live.version } },
    orderBy: { version: 'asc' },
    select: { version: true, at: true, actorName: true, contentHash: true },
  })) as Rev[]
  let first = after[0] ?? latest
  for (let i = 0; i < after.length; i++) {
    if (after[i]!.contentHash === live.contentHash && after[i + 1]) first = after[i + 1]!
  }
  return {
    since: first.at,
    by: first.actorName || 'a former account',
    liveVersion: live.version,
    latestVersion: latest.version,
  }
}

/**
 * For the desk notice: since when (ISO, to the second) and by whom the working copy differs
 * from the live copy, and what changed ("headline, tags; body: 1 paragraph changed"), or null.
 */
export async function describeUnpublished(
  context: Context,
  id: string,
  status: string
): Promise<{ since: string; by: string; what: string } | null> {
  const changes = await unpublishedChanges(context, id, status)
  if (!changes) return null
  const prisma = context.sudo().prisma
  const rows = (await prisma.articleRevision.findMany({
    where: { articleId: id, version: { in: [changes.liveVersion, changes.latestVersion] } },
    select: { version: true, action: true, snapshot: true },
  })) as { version: number; action: string; snapshot: unknown }[]
  const live = (await liveRevisions(prisma, [id])).get(id)
  const latest = parseSnapshot(rows.find(r => r.version === changes.latestVersion)?.snapshot)
  const what = live && latest ? describeChanges(compareSnapshots(live.snapshot, latest)) : ''
  return {
    since: changes.since.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    by: changes.by,
    what,
  }
}
