// Keeps the published store in step with the writes that change a live copy from outside the
// workflow: edits of the profiles stored stories use (reference data, live at once), a story's
// creation (the seed's are created published) and its deletion. A story's save, its read-also
// links and corrections republish it at the end of their transaction, after its revision is
// recorded (src/workflow/touched-stories.ts): a save changes only the working copy
// (src/content/live-content.ts). The workflow actions call the publisher themselves, inside
// their transaction (src/workflow/actions.ts).
import type { Context, Lists } from '../../generated/keystone/types'
import type { ProfileKind } from './live-copy'
import { publishStories, refreshProfiles } from './publisher'

type Item = { id: string | number; articleId?: string | null }
type AfterOperation = (args: {
  operation?: string
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
type Effect = (items: (Item | undefined)[], context: Context, operation?: string) => Promise<void>
const effects: Record<string, Effect> = {
  Article: async (items, context, operation) => {
    // A story created already published (the seed, an import) goes out as it is; an update is a
    // save of the working copy.
    if (operation !== 'update')
      await publishStories(
        context.prisma,
        ids(items, item => item.id)
      )
  },
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
      await effect([args.originalItem, args.item], args.context, args.operation)
    }
    out[listKey] = { ...list, hooks: { ...list.hooks, afterOperation } }
  }
  return out as L
}
