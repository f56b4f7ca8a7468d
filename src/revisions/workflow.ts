// What the working-copy actions do besides the status table's work (src/workflow/actions.ts):
// discardChanges writes the live revision back into the working copy; publishChanges may add a
// public correction in the same step (for a story readers have seen). Checked before the
// transaction; done inside it, after the version claim. Every action then records a revision.
import type { KeystoneContext } from '@keystone-6/core/types'
import { LIMITS } from '../fields/text-limits'
import { normaliseNewlines, textProblem } from '../fields/text-rules'
import { refusal } from '../refusals'
import { writeWorkingCopy } from './apply'
import { liveRevisions } from './live'
import { recordRevisions } from './record'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>

export const CORRECTION_KINDS = ['correction', 'clarification', 'update'] as const

export type StepArgs = { correction?: string | null; correctionKind?: string | null }
/** Runs inside the action's transaction; returns notes for the history event. */
export type Step = (tx: Context, id: string, actorId: string, now: Date) => Promise<string[]>

/**
 * Checks the action's own input (throws a refusal) and returns its step. `publishedAt` is the
 * story's first publication: a correction is for a story readers have seen.
 */
export function workingCopyStep(name: string, args: StepArgs, publishedAt: string | null): Step {
  const given = typeof args.correction === 'string' && args.correction.trim() !== ''
  if (name !== 'publishChanges' && (given || args.correctionKind)) {
    throw refusal('badInput', 'A correction is offered with publishChanges only')
  }
  let note = ''
  const kind = args.correctionKind ?? 'correction'
  if (given) {
    note = normaliseNewlines(args.correction!).trim()
    const problem = textProblem('correction', note, 'multi', LIMITS.note)
    if (problem) throw refusal('badInput', problem)
    if (!(CORRECTION_KINDS as readonly string[]).includes(kind)) {
      throw refusal('badInput', `correctionKind is one of ${CORRECTION_KINDS.join(', ')}`)
    }
    if (!publishedAt || new Date(publishedAt) > new Date()) {
      throw refusal('badInput', 'Readers have not seen this story yet: it needs no correction')
    }
  } else if (args.correctionKind) {
    throw refusal('badInput', 'correctionKind needs a correction note')
  }

  return async (tx, id, actorId, now) => {
    const notes: string[] = []
    if (name === 'discardChanges') {
      const live = (await liveRevisions(tx.prisma, [id])).get(id)
      // The precondition (unpublished changes) implies a live revision.
      const left = live ? await writeWorkingCopy(tx, id, live.snapshot) : []
      if (left.length > 0) notes.push(`Left out: ${left.join('; ')}.`)
    }
    if (note) {
      await tx.prisma.correction.create({
        data: { articleId: id, kind, note, createdById: actorId, createdAt: now },
      })
      notes.push(`With a public ${kind}.`)
    }
    await recordRevisions(tx, [id], name, notes.join(' '))
    return notes
  }
}
