import type { BaseListTypeInfo, FieldTypeFunc } from '@keystone-6/core/types'
import { LIMITS, singleLine } from './text-limits'

/** Only absolute http(s) URLs: never `javascript:`, `data:` or relative links. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** An optional http(s) URL of at most 2,048 characters; an empty value is stored as null. */
export function httpUrl<L extends BaseListTypeInfo>(
  ui: { description?: string; createView?: { fieldMode: 'hidden' } } = {}
): FieldTypeFunc<L> {
  return singleLine<L>(LIMITS.url, {
    db: { isNullable: true },
    // An empty box is "no address": no "Set to null" checkbox beside it.
    ui: { views: './admin/views/optional-text', ...ui },
    hooks: {
      resolveInput({ resolvedData, fieldKey }) {
        const value = (resolvedData as Record<string, string | null | undefined>)[fieldKey]
        return typeof value === 'string' ? value.trim() || null : value
      },
      validate({ operation, resolvedData, fieldKey, addValidationError }) {
        if (operation === 'delete') return
        const value = (resolvedData as Record<string, unknown>)[fieldKey]
        if (typeof value === 'string' && !isHttpUrl(value)) {
          addValidationError(`must be an absolute http:// or https:// URL`)
        }
      },
    },
  })
}
