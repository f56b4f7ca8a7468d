// The editorial workflow as one declarative table. Pure: no Keystone import. The same table
// drives the Keystone list actions (src/workflow/actions.ts), the Admin UI's action buttons, the
// field access on `status`, and the audit entries, so the four cannot disagree.
import type { Role } from '../access/roles'

export const statuses = ['draft', 'in_review', 'published', 'unpublished', 'killed'] as const
export type Status = (typeof statuses)[number]

export const statusLabels: Record<Status, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
  unpublished: 'Unpublished',
  killed: 'Killed',
}

/** Who may take an action: on any article, or only on their own (bylined) ones. */
export type Reach = 'any' | 'own'

/** What the article must have before the action (checked on its current content). */
export type Precondition = 'headline' | 'body' | 'author' | 'changes'

export type Transition = {
  from: readonly Status[]
  to: Status
  /** Roles allowed, and whether only on their own articles. Absent roles may not. */
  who: Partial<Record<Role, Reach>>
  /** Input the person must give: a note (for the reporter) or a reason (public or legal). */
  requires?: 'note' | 'reason'
  preconditions?: readonly Precondition[]
  /** Button label in the Admin UI. */
  label: string
  /** Cannot be undone: the Admin UI styles it as dangerous. */
  destructive?: boolean
  /** What happened, for the story's desk notice: "Sent back by …". */
  done: string
}

const editors = { editor: 'any', admin: 'any' } as const

export const transitions = {
  submit: {
    from: ['draft'],
    to: 'in_review',
    who: { reporter: 'own', ...editors },
    label: 'Submit for review',
    done: 'Submitted for review',
  },
  retract: {
    from: ['in_review'],
    to: 'draft',
    who: { reporter: 'own', editor: 'own', admin: 'own' },
    label: 'Retract',
    done: 'Retracted from review',
  },
  sendBack: {
    from: ['in_review'],
    to: 'draft',
    who: editors,
    requires: 'note',
    label: 'Send back',
    done: 'Sent back',
  },
  publish: {
    from: ['draft', 'in_review'],
    to: 'published',
    who: editors,
    preconditions: ['headline', 'body', 'author'],
    label: 'Publish',
    done: 'Published',
  },
  unpublish: {
    from: ['published'],
    to: 'unpublished',
    who: editors,
    requires: 'reason',
    label: 'Unpublish',
    done: 'Unpublished',
  },
  republish: {
    from: ['unpublished'],
    to: 'published',
    who: editors,
    preconditions: ['headline', 'body', 'author'],
    label: 'Republish',
    done: 'Republished',
  },
  reopen: {
    from: ['unpublished'],
    to: 'draft',
    who: editors,
    label: 'Reopen as draft',
    done: 'Reopened as a draft',
  },
  kill: {
    from: ['published', 'unpublished'],
    to: 'killed',
    who: editors,
    requires: 'reason',
    label: 'Kill',
    destructive: true,
    done: 'Killed',
  },
  // Working copies (docs/newsroom.md): a published story's saves change its working copy only.
  publishChanges: {
    from: ['published'],
    to: 'published',
    who: editors,
    preconditions: ['headline', 'body', 'author', 'changes'],
    label: 'Publish changes',
    done: 'Changes published',
  },
  discardChanges: {
    from: ['published'],
    to: 'published',
    who: editors,
    preconditions: ['changes'],
    label: 'Discard changes',
    done: 'Changes discarded',
  },
} as const satisfies Record<string, Transition>

export type ActionName = keyof typeof transitions
export const actionNames = Object.keys(transitions) as ActionName[]

/** Statuses nothing leaves: a killed story stays killed. */
export const terminalStatuses: readonly Status[] = statuses.filter(
  status =>
    !actionNames.some(name => (transitions[name].from as readonly Status[]).includes(status))
)

export type ArticleFacts = {
  status: Status
  headline: string
  /** Whether the body has any text. */
  hasBody: boolean
  authorCount: number
  /** Whether the working copy differs from the live copy (src/revisions/changes.ts). */
  hasUnpublishedChanges?: boolean
}

export type Attempt = {
  action: ActionName
  role: Role | undefined
  /** Whether the person is among the article's authors. */
  isOwn: boolean
  article: ArticleFacts
  /** The note or reason given with the action, if any. */
  text?: string | null | undefined
}

/** The action as words in a sentence ("You may not publish changes to this story"). */
const verbs: Partial<Record<ActionName, string>> = {
  sendBack: 'send back',
  publishChanges: 'publish changes to',
  discardChanges: 'discard changes to',
}

/** An action's verb phrase for refusals: its name, or words where the name is camel-cased. */
export function actionVerb(action: ActionName): string {
  return verbs[action] ?? action
}

export type Verdict = { ok: true; to: Status } | { ok: false; reason: string }

const preconditionMessages: Record<Precondition, string> = {
  headline: 'a headline',
  body: 'a body',
  author: 'at least one author',
  changes: 'unpublished changes (its working copy is the live copy)',
}

function holds(precondition: Precondition, article: ArticleFacts): boolean {
  switch (precondition) {
    case 'headline':
      return article.headline.trim() !== ''
    case 'body':
      return article.hasBody
    case 'author':
      return article.authorCount > 0
    case 'changes':
      return article.hasUnpublishedChanges === true
  }
}

/** Whether this role, on an article it does or does not own, may take the action at all. */
export function mayTake(action: ActionName, role: Role | undefined, isOwn: boolean): boolean {
  if (!role) return false
  const reach = (transitions[action].who as Transition['who'])[role]
  return reach === 'any' || (reach === 'own' && isOwn)
}

/** The whole rule for one attempt: permission, state, required input, preconditions. */
export function judge({ action, role, isOwn, article, text }: Attempt): Verdict {
  const transition: Transition = transitions[action]
  if (!mayTake(action, role, isOwn)) {
    const own =
      Object.values(transition.who).includes('own') && !isOwn ? ' (only on your own stories)' : ''
    return { ok: false, reason: `You may not ${actionVerb(action)} this story${own}` }
  }
  if (!transition.from.includes(article.status)) {
    const from = transition.from.map(s => statusLabels[s].toLowerCase()).join(' or ')
    return {
      ok: false,
      reason: `Cannot ${actionVerb(action)} a story that is ${statusLabels[article.status].toLowerCase()}: only from ${from}`,
    }
  }
  if (transition.requires && !text?.trim()) {
    return { ok: false, reason: `To ${actionVerb(action)} a story, give a ${transition.requires}` }
  }
  const missing = preconditionProblem(action, article)
  if (missing) return { ok: false, reason: missing }
  return { ok: true, to: transition.to }
}

/** What the article lacks for the action ("To publish a story it needs a body"), or null. */
export function preconditionProblem(action: ActionName, article: ArticleFacts): string | null {
  const transition: Transition = transitions[action]
  const missing = (transition.preconditions ?? []).filter(p => !holds(p, article))
  if (missing.length === 0) return null
  return `To ${actionVerb(action)} a story it needs ${missing.map(p => preconditionMessages[p]).join(', ')}`
}

/** The actions this role could take on an article in this status (for buttons and docs). */
export function availableActions(
  role: Role | undefined,
  status: Status,
  isOwn: boolean
): ActionName[] {
  return actionNames.filter(
    name =>
      (transitions[name].from as readonly Status[]).includes(status) && mayTake(name, role, isOwn)
  )
}
