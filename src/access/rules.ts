// The predicates and where-filters every list takes its access from. Capabilities come from
// roles.ts; this module turns them into Keystone's access shapes (booleans and filters).
import { can, type Capability } from './roles'
import { ownKilledIds, type OwnContext } from './own-killed'
import type { AccessArgs, Session } from './session'

export function isSignedIn({ session }: AccessArgs): boolean {
  return Boolean(session?.itemId && session.data?.isActive)
}

/** An operation allowed to whoever holds `capability`. */
export function allowed(capability: Capability) {
  return ({ session }: AccessArgs): boolean =>
    isSignedIn({ session }) && can(session!.data.role, capability)
}

/** True for the account's owner and for account managers (admins). */
export function isOwnerOrManager({ session, item }: AccessArgs & { item?: unknown }): boolean {
  if (!isSignedIn({ session })) return false
  if (can(session!.data.role, 'account.manage')) return true
  return (item as { id?: unknown } | undefined)?.id === session!.itemId
}

// ---- Articles ------------------------------------------------------------------------------

/**
 * Stories every signed-in account reads: published (scheduled ones included: staff see what is
 * coming) and killed. Staff rule only: when a story is public is decided by the publisher alone
 * (src/content/live-copy.ts), which the Content API serves.
 */
export const outStory = { status: { in: ['published', 'killed'] } } as const

/** "Own" means bylined: the signed-in user's Person is among the authors. */
export function ownArticle(session: Session) {
  return { authors: { some: { user: { id: { equals: session.itemId } } } } } as const
}

/** Only a story that never went out may be deleted; published ones are unpublished or killed. */
export const neverPublishedDraft = {
  status: { equals: 'draft' },
  publishedAt: { equals: null },
} as const

/**
 * Fields of a killed story are readable only by those who read all stories and by its authors;
 * other reporters see just its headline, status and kill notice, the fields not marked with
 * this rule (docs/newsroom.md's role table: killed articles). Staff only, like every list. Whether a reporter bylines a killed story is read once per
 * request (./own-killed.ts), not once per field and item.
 */
export const publicWhenKilled = {
  item: async ({ session, item, context }: AccessArgs & { item: unknown; context?: unknown }) => {
    const story = item as { id?: unknown; status?: unknown }
    if (story.status !== 'killed') return true
    if (!isSignedIn({ session })) return false
    if (can(session!.data.role, 'article.readAll')) return true
    return (await ownKilledIds(context as OwnContext, session!)).has(String(story.id))
  },
  filter: () => true,
  order: () => true,
}

/** The articles on which publicWhenKilled fields are readable, as a where-filter. */
export function readableWhenKilled({ session }: AccessArgs) {
  const notKilled = { status: { not: { equals: 'killed' } } }
  if (!isSignedIn({ session })) return { id: { in: [] } }
  if (can(session!.data.role, 'article.readAll')) return true
  return { OR: [notKilled, ownArticle(session!)] }
}

/**
 * Field read rules that hold on some items only, each with the where-filter of those items: a
 * filter or order on such a field may only match where it holds (src/access/where.ts). A field
 * read rule not listed here is all-or-nothing (its read.filter decides) or item-independent.
 */
export const partialReads: ReadonlyMap<unknown, (args: AccessArgs) => true | object> = new Map([
  [publicWhenKilled.item, readableWhenKilled],
])

export const articleFilter = {
  query({ session }: AccessArgs) {
    if (!isSignedIn({ session })) return false
    if (can(session!.data.role, 'article.readAll')) return true
    return { OR: [outStory, ownArticle(session!)] }
  },
  update({ session }: AccessArgs) {
    if (!isSignedIn({ session })) return false
    // Killed is terminal: the record stays as it was when it was withdrawn.
    if (can(session!.data.role, 'article.editAll')) return { NOT: { status: { equals: 'killed' } } }
    return { AND: [ownArticle(session!), { status: { equals: 'draft' } }] }
  },
  delete({ session }: AccessArgs) {
    if (!isSignedIn({ session })) return false
    if (can(session!.data.role, 'article.deleteAnyDraft')) return neverPublishedDraft
    return { AND: [ownArticle(session!), neverPublishedDraft] }
  },
}

// ---- Read-also links: they follow their article -------------------------------------------

/** A filter on a list whose items belong to an article: the article must pass `filter`. */
export function onArticle<F extends object>(filter: boolean | F): boolean | { article: F } {
  return typeof filter === 'boolean' ? filter : { article: filter }
}

/**
 * Items that are part of a story's content (links, corrections, history): readable where the
 * story and its publicWhenKilled fields are, so another reporter's killed story shows none.
 */
export function storyContentFilter(args: AccessArgs) {
  const story = articleFilter.query(args)
  if (story === false) return false
  const content = readableWhenKilled(args)
  if (content === true) return onArticle(story)
  return { article: story === true ? content : { AND: [story, content] } }
}

export const relatedLinkFilter = {
  // Read-also links are part of the story: a killed story shows none.
  query: storyContentFilter,
  // A link is written under its story's update rule (a killed story's links stay as they were);
  // link managers also tidy links attached to no story.
  update({ session }: AccessArgs) {
    if (!isSignedIn({ session })) return false
    const story = onArticle(articleFilter.update({ session }))
    if (!can(session!.data.role, 'link.manageAll') || story === true) return story
    return story === false ? { article: null } : { OR: [story, { article: null }] }
  },
  delete: (args: AccessArgs) => relatedLinkFilter.update(args),
}

// ---- Accounts ------------------------------------------------------------------------------

export const userFilter = {
  query({ session }: AccessArgs) {
    if (!isSignedIn({ session })) return false
    const role = session!.data.role
    if (can(role, 'account.readStaff') || can(role, 'account.manage')) return true
    return { id: { equals: session!.itemId } }
  },
  update({ session }: AccessArgs) {
    if (!isSignedIn({ session })) return false
    if (can(session!.data.role, 'account.manage')) return true
    return { id: { equals: session!.itemId } }
  },
}

type CountingContext = {
  sudo(): { db: Record<string, { count(args: { where: object }): Promise<number> } | undefined> }
}

/**
 * Stories that hold a profile back from deletion: published (scheduled ones included) and killed,
 * whose record stays as it was when it was withdrawn (src/lists/profile-in-use.ts says so, naming
 * the stories).
 */
export const HOLDING_STATUSES = ['published', 'killed'] as const

/**
 * Deleting a profile takes it out of every story it is in: allowed only if the session may edit
 * each of those stories. Stories that hold it back are left to the delete hook, which refuses
 * with their headlines rather than Keystone's bare "Access denied".
 */
export function mayLeaveStories(...backRefs: string[]) {
  return async ({
    session,
    item,
    listKey,
    context,
  }: AccessArgs & { item: unknown; listKey: string; context: CountingContext }) => {
    const editable = articleFilter.update({ session })
    if (editable === false) return false
    const id = (item as { id: string | number }).id
    const locked = await context.sudo().db[listKey]!.count({
      where: {
        id: { equals: id },
        OR: backRefs.map(ref => ({
          [ref]: { some: { NOT: [editable], status: { notIn: [...HOLDING_STATUSES] } } },
        })),
      },
    })
    return locked === 0
  }
}

/** List access shared by Person, Organization, Place and Tag. */
export function profileAccess(...backRefs: string[]) {
  return {
    operation: {
      query: isSignedIn,
      create: allowed('profile.write'),
      update: allowed('profile.write'),
      delete: allowed('profile.delete'),
    },
    item: { delete: mayLeaveStories(...backRefs) },
  }
}

/** The Admin UI offers only what profileAccess allows. */
export const profileUi = {
  hideCreate: (args: AccessArgs) => !allowed('profile.write')(args),
  // Shown per item instead, where the profile is not in use (src/lists/profile-in-use.ts).
  hideDelete: true,
}
