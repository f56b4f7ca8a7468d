// A profile (Person, Organization, Place, Tag) that a story in front of readers refers to cannot
// be deleted: Keystone would silently disconnect it, leaving a published story with no byline,
// no dateline place or no credited source. Drafts, stories in review and unpublished ones do not
// hold a profile back: they are not in front of readers, and publishing again checks the byline.
import type { KeystoneContext } from '@keystone-6/core/types'
import { allowed, HOLDING_STATUSES } from '../access/rules'
import { deleteAction } from './delete-action'
import { deleteProblems } from './profile-delete'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>
export type Profile = 'Person' | 'Organization' | 'Place' | 'Tag'

/**
 * The Article fields pointing at each profile list (`one` marks a to-one relationship) and the
 * profile's field for the other side.
 */
export const ARTICLE_FIELDS: Record<Profile, { field: string; backRef: string; one?: true }[]> = {
  Person: [
    { field: 'authors', backRef: 'authored' },
    { field: 'editors', backRef: 'edited' },
    { field: 'people', backRef: 'mentionedIn' },
  ],
  Organization: [
    { field: 'organizations', backRef: 'mentionedIn' },
    { field: 'sources', backRef: 'sourceOf' },
    { field: 'copyrightHolder', backRef: 'copyrightOf', one: true },
  ],
  Place: [
    { field: 'places', backRef: 'mentionedIn' },
    { field: 'datelinePlace', backRef: 'datelineOf', one: true },
  ],
  Tag: [{ field: 'tags', backRef: 'articles' }],
}

// The statuses that hold a profile back live with the access rules (src/access/rules.ts).
export { HOLDING_STATUSES }
const SHOWN = 3

/**
 * The same rule as a where-filter on the profile list: profiles no holding story uses. The Admin
 * UI offers Delete only on these (src/lists/delete-action.ts).
 */
export function notInUse(list: Profile) {
  const holding = { status: { in: [...HOLDING_STATUSES] } }
  const unused = {
    NOT: { OR: ARTICLE_FIELDS[list].map(({ backRef }) => ({ [backRef]: { some: holding } })) },
  }
  // A staff account's byline is unlinked first (./profile-delete.ts).
  return list === 'Person' ? { AND: [unused, { user: null }] } : unused
}

/** Why `id` of `list` may not be deleted, naming the stories, or null. */
export async function inUseProblem(
  context: Context,
  list: Profile,
  id: string
): Promise<string | null> {
  const byId = { id: { equals: id } }
  const where = {
    status: { in: [...HOLDING_STATUSES] },
    OR: ARTICLE_FIELDS[list].map(({ field, one }) => ({ [field]: one ? byId : { some: byId } })),
  }
  const db = context.sudo().db.Article!
  const count = await db.count({ where })
  if (count === 0) return null
  const shown = await db.findMany({ where, orderBy: [{ headline: 'asc' }], take: SHOWN })
  const names = shown.map(story => `"${String(story.headline)}"`).join(', ')
  const more = count > SHOWN ? ` and ${count - SHOWN} more` : ''
  return (
    `cannot be deleted: ${count === 1 ? 'a published or killed story uses' : `${count} published or killed stories use`}` +
    ` it (${names}${more}). Take it off the published ones (or unpublish them) first; a killed` +
    ' story keeps its record as it was withdrawn.'
  )
}

/**
 * The Admin UI's Delete for a profile: for those who may delete profiles, on profiles not in use
 * and whose delete nothing else refuses (a story's last author: ./profile-delete.ts).
 */
export function profileDeleteAction(list: Profile) {
  return deleteAction(list, args => allowed('profile.delete')(args) && notInUse(list), 'Delete', {
    refused: async (context, id) => (await deleteProblems(context, list, id)).length > 0,
  })
}
