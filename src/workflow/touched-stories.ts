// A change to a story's parts made from their own lists (a read-also link created, edited or
// deleted; a correction added; a profile deleted off it) is a change to the story: it moves the
// story's version and updatedAt (so a stale save is refused and an editor with it open is
// warned) and republishes its live copy (src/content/live-copy.ts moves modifiedAt with
// updatedAt), all in the write's transaction.
//
// The move happens at the end of the transaction, once: Keystone runs a nested create (a link
// created inline by `updateArticle`, as the Admin UI does) before the story's own update, whose
// version claim (./stale.ts) expects the version it loaded. A story whose version was claimed or
// which was created in the same transaction has moved already and is left alone.
import type { KeystoneContext } from '@keystone-6/core/types'
import { beforeCommit, transactionMemo } from '../db/transaction'
import { publishStories } from '../content/publisher'
import { recordRevisions } from '../revisions/record'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>
type Touches = { touched: Map<string, string | undefined>; moved: Set<string> }

const KEY = Symbol('touched-stories')

function touchesOf(context: Context): Touches | undefined {
  let fresh = false
  const touches = transactionMemo<Touches>(context, KEY, () => {
    fresh = true
    return { touched: new Map(), moved: new Set() }
  })
  if (touches && fresh) beforeCommit(context, tx => moveTouched(tx, touches))
  return touches
}

/**
 * Marks stories as changed by this write; at the end of its transaction each one not already
 * moved gets version + 1, updatedAt now and lastEditedBy the session's account. Outside a
 * transaction (never the case for API writes: src/graphql/atomic-mutations.ts) it moves them now.
 */
export async function touchStories(
  context: Context,
  ids: readonly (string | null | undefined)[]
): Promise<void> {
  const editor = (context.session as { itemId?: string } | undefined)?.itemId
  const some = [...new Set(ids.filter((id): id is string => Boolean(id)))]
  if (some.length === 0) return
  const touches = touchesOf(context)
  if (!touches) {
    await moveStories(context, new Map(some.map(id => [id, editor])))
    return
  }
  for (const id of some) touches.touched.set(id, editor)
}

/** Records that this transaction moved the story's version itself (a claim, or its creation). */
export function markStoryMoved(context: Context, id: string): void {
  touchesOf(context)?.moved.add(id)
}

async function moveTouched(tx: Context, touches: Touches) {
  const due = new Map([...touches.touched].filter(([id]) => !touches.moved.has(id)))
  touches.touched.clear()
  for (const id of due.keys()) touches.moved.add(id)
  await bumpStories(tx, due)
  // Every story this write moved gets its revision, before its live copy is stored again.
  await recordRevisions(tx, [...touches.moved], 'save')
  await republish(tx, [...due.keys()])
}

async function moveStories(context: Context, stories: Map<string, string | undefined>) {
  await bumpStories(context, stories)
  await republish(context, [...stories.keys()])
}

async function bumpStories(context: Context, stories: Map<string, string | undefined>) {
  const updatedAt = new Date()
  for (const [id, editor] of stories) {
    // A story deleted in the same write is simply not there any more (count 0).
    await context.prisma.article.updateMany({
      where: { id },
      data: {
        version: { increment: 1 },
        updatedAt,
        ...(editor !== undefined && { lastEditedById: editor }),
      },
    })
  }
}

async function republish(context: Context, ids: string[]) {
  if (ids.length === 0) return
  await publishStories(context.prisma, ids)
}
