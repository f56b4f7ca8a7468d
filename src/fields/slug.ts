import { text } from '@keystone-6/core/fields'
import type { BaseListTypeInfo, FieldAccessControl, FieldTypeFunc } from '@keystone-6/core/types'
import { fallbackSlug, SLUG_MAX_LENGTH, SLUG_PATTERN, slugCandidate, slugify } from './slugify'
import { isTaken, itemId } from './unique'

/**
 * A unique, URL-safe slug. Left empty, it is made from `from` (and suffixed `-2`, `-3`… when
 * that is taken); given explicitly, it must be valid and free, or the write fails with a clear
 * validation error instead of a database constraint error.
 */
export function slug<L extends BaseListTypeInfo>({
  from,
  access,
  sidebar = false,
}: {
  from: string
  access?: FieldAccessControl<L>
  /** Shown in the item page's sidebar (a story's slug is not the story). */
  sidebar?: boolean
}): FieldTypeFunc<L> {
  return text<L>({
    ...(access && { access }),
    isIndexed: 'unique',
    validation: {
      length: { max: SLUG_MAX_LENGTH },
      match: {
        // Empty passes here so the Admin UI lets the slug be left empty; resolveInput then makes
        // one and the validate hook below refuses a create that still has none.
        regex: new RegExp(`^(?:${SLUG_PATTERN.source.slice(1, -1)})?$`),
        explanation: `must be lowercase ASCII words joined by "-" (for example "kishida-nato-vilnius")`,
      },
    },
    ui: {
      description: `Left empty, it is made from the ${from}.`,
      // A taken or malformed slug is refused with the reason under the box.
      views: './admin/views/refusable-text',
      ...(sidebar && { itemView: { fieldPosition: 'sidebar' } }),
    },
    hooks: {
      async resolveInput({ operation, resolvedData, inputData, item, context, listKey, fieldKey }) {
        const given = (resolvedData as Record<string, string | null | undefined>)[fieldKey]
        if (typeof given === 'string' && given.trim() !== '') return given.trim()
        // On update, a slug that is not being changed stays as it is (URLs must not move).
        if (operation === 'update' && !(fieldKey in (inputData as object))) return given
        const source =
          (resolvedData as Record<string, unknown>)[from] ??
          (item as Record<string, unknown> | undefined)?.[from]
        // A name with nothing to transliterate (emoji only) still gets a readable slug.
        const base =
          typeof source !== 'string'
            ? ''
            : slugify(source) || (source.trim() && fallbackSlug(listKey))
        if (!base) return given
        for (let attempt = 1; ; attempt++) {
          const candidate = slugCandidate(base, attempt)
          if (!(await isTaken(context, listKey, fieldKey, candidate, itemId(item)))) {
            return candidate
          }
        }
      },
      async validate({
        operation,
        resolvedData,
        item,
        context,
        listKey,
        fieldKey,
        addValidationError,
      }) {
        if (operation === 'delete') return
        const value = (resolvedData as Record<string, unknown>)[fieldKey]
        if (operation === 'create' && (typeof value !== 'string' || value === '')) {
          addValidationError(`could not be made: give a slug or a ${from}`)
          return
        }
        if (typeof value !== 'string' || value === '') return
        if (await isTaken(context, listKey, fieldKey, value, itemId(item))) {
          addValidationError(`"${value}" is already used by another ${listKey}`)
        }
      },
    },
  })
}
