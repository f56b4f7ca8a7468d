// Keeps the published store in step with the saves that change a live copy today: a story's own
// save (until working copies arrive, an edit of a published story goes live on save), its
// corrections and read-also links, and edits of the profiles stored stories use. The workflow
// actions call the publisher themselves, inside their transaction (src/workflow/actions.ts).
import type { Context, Lists } from '../../generated/keystone/types'
import type { ProfileKind } from './live-copy'
import { publishStories, refreshProfiles } from './publisher'

type Item = { id: string | number; articleId?: string | null }
type AfterOperation = (args: {
  item?: Item
  originalItem?: Item
  context: Context
}) => Promise<void> | void
type AnyList = { hooks?: { afterOperation?: unknown } }

const ids = (items: (Item | undefined)[], pick: (item: Item) => unknown) =>
  items.flatMap(item => {
    const id = item ? pick(item) : null
    return id == null ? [] : [String(id)]
  })

const PROFILES: Record<string, ProfileKind> = {
  Person: 'person',
  Organization: 'organization',
  Place: 'place',
  Tag: 'tag',
}

/** What a write to each list republishes, from the item before and after the write. */
const effects: Record<string, (items: (Item | undefined)[], context: Context) => Promise<void>> = {
  Article: (items, context) =>
    publishStories(
      context.prisma,
      ids(items, item => item.id)
    ),
  Correction: (items, context) =>
    publishStories(
      context.prisma,
      ids(items, item => item.articleId)
    ),
  RelatedLink: (items, context) =>
    publishStories(
      context.prisma,
      ids(items, item => item.articleId)
    ),
  ...Object.fromEntries(
    Object.entries(PROFILES).map(([listKey, kind]) => [
      listKey,
      (items: (Item | undefined)[], context: Context) =>
        refreshProfiles(
          context.prisma,
          kind,
          ids(items, item => item.id)
        ),
    ])
  ),
}

/** The lists, each one whose writes can change a live copy republishing what it changed. */
export function withContentPublishing<L extends Lists>(lists: L): L {
  const out: Record<string, unknown> = { ...lists }
  for (const [listKey, effect] of Object.entries(effects)) {
    const list = lists[listKey as keyof L] as AnyList
    const own = list.hooks?.afterOperation as AfterOperation | undefined
    const afterOperation: AfterOperation = async args => {
      await own?.(args)
      await effect([args.originalItem, args.item], args.context)
    }
    out[listKey] = { ...list, hooks: { ...list.hooks, afterOperation } }
  }
  return out as L
}
