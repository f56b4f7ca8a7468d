// What deleting a profile does to the stories that use it. Keystone disconnects a deleted item
// from everything silently; here a delete is refused when it would take a staff account's byline
// (User.person: unlinking it is an admin's act) or a story's last author (a story keeps a
// byline), and otherwise it is a change to each story it is taken off: their versions and
// updatedAt move in the same write (src/workflow/touched-stories.ts). Stories in front of
// readers refuse the delete already (./profile-in-use.ts).
import type { KeystoneContext } from '@keystone-6/core/types'
import { touchStories } from '../workflow/touched-stories'
import { ARTICLE_FIELDS, type Profile } from './profile-in-use'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>
const SHOWN = 3

const quoted = (stories: readonly { headline?: unknown }[], count: number) =>
  stories.map(story => `"${String(story.headline)}"`).join(', ') +
  (count > stories.length ? ` and ${count - stories.length} more` : '')

/** Why deleting `id` of `list` is refused besides its use by live stories, as messages. */
export async function deleteProblems(
  context: Context,
  list: Profile,
  id: string
): Promise<string[]> {
  if (list !== 'Person') return []
  const sudo = context.sudo()
  const problems: string[] = []
  const byId = { id: { equals: id } }
  if ((await sudo.db.User!.count({ where: { person: byId } })) > 0) {
    problems.push('is the byline of a staff account: an admin unlinks it from the account first')
  }
  const where = { AND: [{ authors: { some: byId } }, { authors: { every: byId } }] }
  const count = await sudo.db.Article!.count({ where })
  if (count > 0) {
    const shown = await sudo.db.Article!.findMany({
      where,
      orderBy: [{ headline: 'asc' }],
      take: SHOWN,
    })
    problems.push(
      `cannot be deleted: it is the only author of ${count === 1 ? 'a story' : `${count} stories`}` +
        ` (${quoted(shown, count)}). Add another author first: a story keeps a byline.`
    )
  }
  return problems
}

/** Marks the stories using `id` of `list`, in any role, as changed by this write. */
export async function touchStoriesUsing(context: Context, list: Profile, id: string) {
  const byId = { id: { equals: id } }
  const where = {
    OR: ARTICLE_FIELDS[list].map(({ field, one }) => ({ [field]: one ? byId : { some: byId } })),
  }
  const stories = await context.sudo().db.Article!.findMany({ where })
  await touchStories(
    context,
    stories.map(story => String(story.id))
  )
}
