// The workflow as the issue and content-model.md describe it, written out independently of
// src/workflow/transitions.ts so that tests compare the two.
import type { Role } from '../../src/access/roles'
import type { ActionName, Status } from '../../src/workflow/transitions'

const editorial = (role: Role | undefined) => role === 'editor' || role === 'admin'

export function expected(
  action: ActionName,
  status: Status,
  role: Role | undefined,
  own: boolean,
  /** Whether the published story has unpublished changes (its working copy differs). */
  changed = false
): Status | null {
  const rules: Record<ActionName, [Status[], Status, boolean]> = {
    submit: [['draft'], 'in_review', (role === 'reporter' && own) || editorial(role)],
    retract: [['in_review'], 'draft', role !== undefined && own],
    sendBack: [['in_review'], 'draft', editorial(role)],
    publish: [['draft', 'in_review'], 'published', editorial(role)],
    unpublish: [['published'], 'unpublished', editorial(role)],
    republish: [['unpublished'], 'published', editorial(role)],
    reopen: [['unpublished'], 'draft', editorial(role)],
    kill: [['published', 'unpublished'], 'killed', editorial(role)],
    publishChanges: [['published'], 'published', editorial(role) && changed],
    discardChanges: [['published'], 'published', editorial(role) && changed],
  }
  const [from, to, allowed] = rules[action]
  return allowed && from.includes(status) ? to : null
}
