// The workflow buttons a person sees on a story's page, derived from the transition table: one
// pure function shared by the server (Keystone's per-item action modes, the desk notice) and
// the Admin UI, so the screen offers exactly what the workflow mutations accept.
import type { Role } from '../access/roles'
import {
  actionNames,
  availableActions,
  preconditionProblem,
  transitions,
  type ActionName,
  type ArticleFacts,
  type Transition,
} from './transitions'

export type ButtonMode = 'enabled' | 'disabled' | 'hidden'

export type WorkflowButton = {
  action: ActionName
  label: string
  /** hidden: not this person's, or not from this status; disabled: the story lacks something. */
  mode: ButtonMode
  /** Why a disabled button is disabled, in the server's words. */
  reason: string | null
  /** The input the confirm dialog must have before it can be confirmed. */
  requires: 'note' | 'reason' | null
  destructive: boolean
}

/**
 * Every workflow action with its mode for this person on this story (`role` undefined: signed
 * out, everything hidden). A button is enabled exactly when the action, given its note or
 * reason, would be accepted by the server (src/workflow/actions.ts judges with the same table).
 */
export function workflowButtons(
  role: Role | undefined,
  isOwn: boolean,
  article: ArticleFacts
): WorkflowButton[] {
  const offered = new Set(availableActions(role, article.status, isOwn))
  return actionNames.map(action => {
    const transition: Transition = transitions[action]
    const reason = offered.has(action) ? preconditionProblem(action, article) : null
    // Publish/Discard changes mean nothing until there are changes: not shown, rather than greyed.
    const idle = transition.preconditions?.includes('changes') && !article.hasUnpublishedChanges
    return {
      action,
      label: transition.label,
      mode: !offered.has(action) || idle ? 'hidden' : reason ? 'disabled' : 'enabled',
      reason,
      requires: transition.requires ?? null,
      destructive: transition.destructive ?? false,
    }
  })
}
