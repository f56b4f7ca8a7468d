// Appends revisions: after every save and every action, in the write's own transaction, one
// immutable ArticleRevision per story changed, holding its full content (./snapshot.ts). The
// workflow actions record theirs under the action's name; every other write that moved a story's
// version (a save, a read-also link, a correction, a profile taken off it) is a "save", recorded
// at the end of the transaction (src/workflow/touched-stories.ts). Retention (./retention.ts)
// runs in the same transaction.
import type { KeystoneContext } from '@keystone-6/core/types'
import { transactionMemo } from '../db/transaction'
import { join, type Row } from '../content/sql'
import { liveRevisions, snapshotFromStore } from './live'
import { keepSaves } from './retention'
import { contentHash, readSnapshots, type Snapshot } from './snapshot'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>
type Session = { itemId?: string; data?: { name?: string } }

/** What a revision records: a save, a restore, the baseline, or a workflow action's name. */
export type RevisionAction = string

const RECORDED = Symbol('recorded-revisions')
const recordedIn = (context: Context) => transactionMemo(context, RECORDED, () => new Set<string>())

/** Whether this transaction has recorded the story's revision already. */
export function isRecorded(context: Context, id: string): boolean {
  return recordedIn(context)?.has(id) ?? false
}

/**
 * Records the current content of these stories as one revision each (version: the story's
 * current one), unless this transaction recorded it already. `snapshot` replaces the content
 * read from the tables (none: read them).
 */
export async function recordRevisions(
  context: Context,
  ids: readonly (string | null | undefined)[],
  action: RevisionAction,
  note = ''
): Promise<void> {
  const recorded = recordedIn(context)
  const some = [...new Set(ids.filter((id): id is string => Boolean(id)))].filter(
    id => !recorded?.has(id)
  )
  if (some.length === 0) return
  // A workflow action's revision is live itself (a publication) or takes the story down: only a
  // save or restore must first keep the live copy it is about to differ from.
  if (action === 'save' || action === 'restore') await ensureBaselines(context, some)
  const [snapshots, rows] = await Promise.all([
    readSnapshots(context.prisma, some),
    context.prisma.article.findMany({
      where: { id: { in: some } },
      select: { id: true, version: true },
    }) as Promise<{ id: string; version: number }[]>,
  ])
  const session = context.session as Session | undefined
  const at = new Date()
  for (const row of rows) {
    const snapshot = snapshots.get(row.id)
    if (!snapshot) continue
    await write(context, row.id, row.version, action, snapshot, at, session, note)
    recorded?.add(row.id)
  }
  const keep = keepSaves()
  if (keep !== null && action === 'save') {
    for (const row of rows) await prune(context, row.id, keep)
  }
}

async function write(
  context: Context,
  id: string,
  version: number,
  action: RevisionAction,
  snapshot: Snapshot,
  at: Date,
  session: Session | undefined,
  note = ''
) {
  await context.prisma.articleRevision.create({
    data: {
      articleId: id,
      version,
      action,
      actorId: session?.itemId ?? null,
      actorName: session?.data?.name ?? '',
      at,
      note,
      snapshot: snapshot as object,
      contentHash: contentHash(snapshot),
    },
  })
}

/**
 * A story in the published store with no publication revision was published before revisions
 * existed: its stored copy is recorded first as its "baseline" (version 0, at its modifiedAt), so
 * that the save being recorded stays in the working copy.
 */
async function ensureBaselines(context: Context, ids: string[]) {
  const stored: Row[] = await context.prisma.$queryRaw`
    SELECT "articleId", "data", "modifiedAt" FROM "ContentStory"
    WHERE "state" = 'published' AND "articleId" IN (${join(ids)})`
  if (stored.length === 0) return
  const live = await liveRevisions(
    context.prisma,
    stored.map((s: Row) => String(s.articleId))
  )
  for (const row of stored) {
    const id = String(row.articleId)
    if (live.has(id)) continue
    const at = row.modifiedAt instanceof Date ? row.modifiedAt : new Date(String(row.modifiedAt))
    const note = 'The live copy as stored before revisions were kept'
    await write(context, id, 0, 'baseline', snapshotFromStore(row.data), at, undefined, note)
  }
}

/** Keeps the story's newest `keep` saves; publications, actions and restores stay. */
async function prune(context: Context, id: string, keep: number) {
  const [oldestKept] = (await context.prisma.articleRevision.findMany({
    where: { articleId: id, action: 'save' },
    orderBy: { version: 'desc' },
    skip: keep - 1,
    take: 1,
    select: { version: true },
  })) as { version: number }[]
  if (!oldestKept) return
  await context.prisma.articleRevision.deleteMany({
    where: { articleId: id, action: 'save', version: { lt: oldestKept.version } },
  })
}
