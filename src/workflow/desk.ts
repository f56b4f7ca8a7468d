// The notice at the top of a story's page: where the story stands, who moved it last, the note
// or reason they gave, and what can happen next. Pure, from the transition table.
import { statusLabels, transitions, type ActionName, type Status } from './transitions'
import { DEFAULT_TIME_ZONE, newsroomTime } from './newsroom-time'

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
  /** What the working copy changed (fields, paragraphs), while a published story has changes. */
  changes: string | null
}

/** A published story's unpublished changes: since when (ISO), by whom, and what. */
export type WorkingChanges = { since: string; by: string; what: string }

const nextSteps: Record<Status, string> = {
  draft: 'Being written. Authors edit it and submit it for review.',
  in_review: 'Waiting for an editor, who publishes it or sends it back with a note.',
  published:
    'Live for readers; saves change the working copy only. Editors publish or discard the changes, add corrections, unpublish or kill it.',
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

export function deskNotice(
  status: Status,
  last: LastEvent | null,
  working: WorkingChanges | null = null,
  timeZone: string = DEFAULT_TIME_ZONE
): DeskNotice {
  const done = last ? transitions[last.action].done : null
  // "Published — unpublished changes since <time> by <name>"
  const label =
    status === 'published' && working
      ? `${statusLabels[status]} — unpublished changes since ${newsroomTime(working.since, timeZone)} by ${working.by}`
      : statusLabels[status]
  return {
    tone: working && status === 'published' ? 'caution' : toneOf(status, last),
    status: label,
    changes: status === 'published' && working ? working.what : null,
    lastAction: done && last ? `${done} by ${last.actorName ?? 'a former account'}` : null,
    at: last?.at ?? null,
    note: last?.note?.trim() || null,
    next: nextSteps[status],
  }
}
