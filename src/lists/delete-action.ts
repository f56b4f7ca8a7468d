// The Admin UI's Delete, for lists whose delete rule depends on the item (a story may be deleted
// only while it is a never-published draft; a read-also link only while its story is editable).
// Keystone 8's `ui.hideDelete` sees the session but not the item, so its red Delete button shows
// on every item and the server then refuses it ("it may not exist"). A list action can be hidden
// per item by a filter, so this replaces the button with an action shown exactly on the items
// the list's own delete filter allows: the screen and the server read one rule.
import { action } from '@keystone-6/core'
import type { KeystoneContext } from '@keystone-6/core/types'
import type { AccessArgs } from '../access/session'

type ActionModeArgs = AccessArgs & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
  context: KeystoneContext<any>
  item?: { id: unknown } | null
}

/** A list's delete filter: false (nothing), true (everything) or a where-filter on the item. */
export type DeleteFilter = (args: AccessArgs) => boolean | Record<string, unknown>

/**
 * A list action (`<key><ListKey>` mutation, e.g. `deleteDraftArticle`) that deletes one item
 * through the list's normal delete (access rules and hooks apply), shown in the item view only
 * where `deletable` matches and never in the list view (its bulk delete would offer every row).
 * @param listKey  the list, e.g. 'Article'
 * @param deletable  the same filter the list's `access.filter.delete` uses
 * @param label  the button's words, e.g. 'Delete draft'
 * @param refused  optional: whether the list's hooks would refuse this item's delete (a rule no
 *   where-filter can state), so that the action is not offered there either
 */
export function deleteAction(
  listKey: string,
  deletable: DeleteFilter,
  label: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
  { refused }: { refused?: (context: KeystoneContext<any>, id: string) => Promise<boolean> } = {}
) {
  return action({
    access: args => deletable(args as AccessArgs) !== false,
    resolve: async ({ where }, context) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
      (context as KeystoneContext<any>).db[listKey]!.deleteOne({ where }),
    ui: {
      label,
      messages: {
        prompt: `${label}: {itemLabel}? This cannot be undone.`,
        promptConfirmLabel: label,
        success: `Deleted: {itemLabel}`,
        fail: `Could not delete {itemLabel}`,
      },
      itemView: {
        // Decided on the server with the item at hand: the Admin UI can test only plain field
        // values, and a delete rule may follow relationships (a reporter's own story).
        actionMode: (async ({ session, context, item }: ActionModeArgs) => {
          const filter = deletable({ session })
          if (filter === true || filter === false) return filter ? 'enabled' : 'hidden'
          if (!item) return { hidden: { NOT: filter } }
          const where = { AND: [{ id: { equals: item.id } }, filter] }
          if ((await context.db[listKey]!.count({ where })) === 0) return 'hidden'
          return refused && (await refused(context, String(item.id))) ? 'hidden' : 'enabled'
        }) as never,
        navigation: 'return',
      },
      listView: { actionMode: 'hidden' },
    },
  })
}
