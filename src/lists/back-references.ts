// The other side of the profile rule (profile-in-use.ts): a profile's links to published or
// killed stories are changed from the story, never by disconnecting the story from the profile
// (`updatePerson(data: { authored: { set: [] } })` would otherwise strip a published byline).
import type { KeystoneContext } from '@keystone-6/core/types'
import { HOLDING_STATUSES, type Profile } from './profile-in-use'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>
type Ref = { id?: unknown }
type ToMany = { set?: Ref[]; disconnect?: Ref[] } | undefined

/** Each profile list's read-only fields listing the stories that refer to it. */
export const BACK_REFERENCES: Record<Profile, string[]> = {
  Person: ['authored', 'edited', 'mentionedIn'],
  Organization: ['mentionedIn', 'sourceOf', 'copyrightOf'],
  Place: ['mentionedIn', 'datelineOf'],
  Tag: ['articles'],
}

/** Why this update of a profile may not take stories off it, naming them, or null. */
export async function backReferenceProblem(
  context: Context,
  list: Profile,
  id: string,
  data: Record<string, unknown>
): Promise<string | null> {
  const removed: string[] = []
  for (const field of BACK_REFERENCES[list]) {
    const input = data[field] as ToMany
    if (!input) continue
    removed.push(...(input.disconnect ?? []).map(ref => String(ref.id)))
    if (input.set) {
      const kept = new Set(input.set.map(ref => String(ref.id)))
      const current = (await context.sudo().query[list]!.findOne({
        where: { id },
        query: `${field} { id }`,
      })) as Record<string, { id: string }[]> | null
      removed.push(...(current?.[field] ?? []).map(a => a.id).filter(a => !kept.has(a)))
    }
  }
  if (removed.length === 0) return null
  const held = await context.sudo().db.Article!.findMany({
    where: { id: { in: removed }, status: { in: [...HOLDING_STATUSES] } },
    take: 3,
  })
  if (held.length === 0) return null
  const names = held.map(story => `"${String(story.headline)}"`).join(', ')
  return `cannot be taken off published or killed stories here (${names}): edit the story instead`
}
