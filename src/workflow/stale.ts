// No lost updates: every article write and every action carries the version the person loaded.
// A write claims the next version with one compare-and-set statement, so of two concurrent
// writes from the same version exactly one wins; the other is told who changed the story and
// when, and writes nothing.
import type { KeystoneContext } from '@keystone-6/core/types'
import { markStoryMoved } from './touched-stories'
import { newsroomTime, newsroomTimeZone } from './newsroom-time'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>

export class StaleVersionError extends Error {}

/** The message for someone whose loaded version is no longer current. */
export async function staleMessage(context: Context, id: string, loaded: unknown): Promise<string> {
  const current = await context.sudo().query.Article!.findOne({
    where: { id },
    query: 'version updatedAt lastEditedBy { name }',
  })
  if (!current) return 'This story no longer exists.'
  const who = current.lastEditedBy?.name ?? 'someone else'
  // In the newsroom's words and time zone ("1 Dec 2026, 10:42 WIB"), as the Admin UI shows it.
  const when = current.updatedAt ? newsroomTime(current.updatedAt, newsroomTimeZone()) : 'just now'
  return (
    `This story was changed by ${who} at ${when} (it is now at version ${current.version}; ` +
    `you loaded version ${String(loaded)}). Nothing was saved: reload it and make your change again.`
  )
}

/**
 * Claims version `loaded + 1` for the article, in the current transaction or statement, and
 * optionally checks its status too. Throws a StaleVersionError when someone got there first.
 */
export async function claimNextVersion(
  context: Context,
  id: string,
  loaded: number,
  data: Record<string, unknown> = {},
  where: Record<string, unknown> = {}
): Promise<void> {
  const { count } = await context.prisma.article.updateMany({
    where: { id, version: loaded, ...where },
    data: { version: loaded + 1, ...data },
  })
  if (count === 0) throw new StaleVersionError(await staleMessage(context, id, loaded))
  markStoryMoved(context, id)
}
