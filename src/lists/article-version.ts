// The `version` field of Article: required on every update (the Admin UI always sends it, as a
// non-null update input), checked against the stored one, and claimed atomically.
import { integer } from '@keystone-6/core/fields'
import type { BaseListTypeInfo, FieldTypeFunc } from '@keystone-6/core/types'
import { claimNextVersion, staleMessage } from '../workflow/stale'
import { markStoryMoved } from '../workflow/touched-stories'

export function versionField<L extends BaseListTypeInfo>(): FieldTypeFunc<L> {
  return integer<L>({
    defaultValue: 1,
    validation: { isRequired: true },
    // Non-null on update: GraphQL rejects an update without it, and the Admin UI always sends
    // the version it loaded.
    graphql: { isNonNull: { update: true } },
    access: { create: () => false },
    ui: {
      description: 'The version you loaded; a save from an older one is refused',
      createView: { fieldMode: 'hidden' },
      itemView: { fieldMode: 'read', fieldPosition: 'sidebar' },
      // Warns while the story is open when someone else saves it.
      views: './admin/views/version-watch',
    },
    hooks: {
      async validate({ operation, inputData, item, context, addValidationError }) {
        if (operation !== 'update') return
        if ((inputData as { version?: unknown }).version !== item.version) {
          addValidationError(
            await staleMessage(
              context,
              String(item.id),
              (inputData as { version?: unknown }).version
            )
          )
        }
      },
      // After validation, so a refused write claims nothing.
      async beforeOperation({ operation, inputData, item, context }) {
        if (operation !== 'update') return
        await claimNextVersion(context, String(item.id), (inputData as { version: number }).version)
      },
      // A story created in this write starts at version 1: its links created with it move nothing.
      afterOperation({ operation, item, context }) {
        if (operation === 'create' && item) markStoryMoved(context, String(item.id))
      },
      resolveInput: {
        update: ({ item }) => (item.version as number) + 1,
      },
    },
  })
}
