import { relationship } from '@keystone-6/core/fields'
import type { BaseListTypeInfo, FieldTypeFunc } from '@keystone-6/core/types'

/** Leaves a field out of the create and update inputs: it reads and filters, never writes. */
export const readOnlyInApi = { omit: { create: true, update: true } } as const

/**
 * The read-only "many" side of a relationship owned by another list (e.g. the articles a
 * person authored). It is written only from the owning side, so that side's access rules,
 * version and page drops apply (issue 12): the API has no create or update input for it, and the
 * Admin UI shows a count. Sudo contexts (the seed) still write it: Keystone's internal schema
 * ignores `omit`.
 */
export function backReference<L extends BaseListTypeInfo>(
  ref: `${string}.${string}`
): FieldTypeFunc<L> {
  return relationship({
    ref,
    many: true,
    graphql: readOnlyInApi,
    ui: {
      displayMode: 'count',
      itemView: { fieldMode: 'read' },
      createView: { fieldMode: 'hidden' },
    },
  })
}
