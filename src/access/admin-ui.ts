// Admin UI visibility derived from the same capabilities the server enforces. Keystone 8 decides
// item-view field modes without loading the item: a function may only return a static mode or a
// condition on the item's own fields, which the Admin UI evaluates. The server check stays the
// guard; this keeps the screen honest.
import { can } from './roles'
import { isSignedIn } from './rules'
import type { AccessArgs } from './session'

/**
 * Article fields: editors edit every article; anyone else sees articles they may read, and of
 * those may edit only drafts (a reporter sees no drafts but their own, so "draft" is "own draft").
 */
export function articleFieldMode({ session }: AccessArgs) {
  if (!isSignedIn({ session })) return 'read' as const
  if (can(session!.data.role, 'article.editAll')) return 'edit' as const
  return { read: { status: { not: { equals: 'draft' } } } }
}
