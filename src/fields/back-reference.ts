import { relationship } from '@keystone-6/core/fields'
import type { BaseListTypeInfo, FieldTypeFunc } from '@keystone-6/core/types'

/**
 * The read-only "many" side of a relationship owned by another list (e.g. the articles a
 * person authored). It is edited from the owning side, so the Admin UI shows a count.
 */
export function backReference<L extends BaseListTypeInfo>(
  ref: `${string}.${string}`
): FieldTypeFunc<L> {
  return relationship({
    ref,
    many: true,
    ui: {
      displayMode: 'count',
      itemView: { fieldMode: 'read' },
      createView: { fieldMode: 'hidden' },
    },
  })
}
