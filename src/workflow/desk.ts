// The notice at the top of a story's page: where the story stands, who moved it last, the note
// or reason they gave, and what can happen next. Pure, from the transition table.
import { statusLabels, transitions, type ActionName, type Status } from './transitions'

export type LastEvent = {
  action: ActionName
  actorName: string | null
  /** ISO timestamp. */
  at: string
  note: string | null
}

export type DeskTone = 'neutral' | 'caution' | 'critical' | 'positive'

export type DeskNotice = {
  tone: DeskTone
  /** "In review", "Draft", … */
  status: string
  /** "Sent back by Arie Novarina"; null before the first workflow action. */
  lastAction: string | null
  at: string | null
  note: string | null
  next: string
}

const nextSteps: Record<Status, string> = {
  draft: 'Being written. Authors edit it and submit it for review.',
  in_review: 'Waiting for an editor, who publishes it or sends it back with a note.',
  published: 'Live for readers. Editors add corrections, unpublish or kill it.',
  unpublished: 'Hidden from readers. Editors republish it, reopen it as a draft, or kill it.',
  killed: 'Withdrawn for good: readers see only the kill notice, and nothing can change.',
}

function toneOf(status: Status, last: LastEvent | null): DeskTone {
  if (status === 'killed') return 'critical'
  if (status === 'published') return 'positive'
  // A story sent back, or taken down, needs someone's attention.
  if (last && (last.action === 'sendBack' || last.action === 'unpublish')) return 'caution'
  return 'neutral'
}

export function deskNotice(status: Status, last: LastEvent | null): DeskNotice {
  const done = last ? transitions[last.action].done : null
  return {
    tone: toneOf(status, last),
    status: statusLabels[status],
    lastAction: done && last ? `${done} by ${last.actorName ?? 'a former account'}` : null,
    at: last?.at ?? null,
    note: last?.note?.trim() || null,
    next: nextSteps[status],
  }
}
