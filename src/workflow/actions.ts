// Keystone list actions generated from the transition table: one GraphQL mutation per action
// (`submitArticle`, `publishArticle`, …) and one Admin UI button, shown only to roles and in
// states the table allows. Each action checks the table, claims the next version and writes
// the new status, its stamps and one audit event in a single transaction.
import { action, g } from '@keystone-6/core'
import { text, timestamp } from '@keystone-6/core/fields'
import type { KeystoneContext } from '@keystone-6/core/types'
import { isSignedIn } from '../access/rules'
import type { Session } from '../access/session'
import { inTransaction } from '../db/transaction'
import { publishStories } from '../content/publisher'
import { LIMITS } from '../fields/text-limits'
import { normaliseNewlines, textProblem } from '../fields/text-rules'
import { claimNextVersion, staleMessage, StaleVersionError } from './stale'
import { unpublishedChanges } from '../revisions/changes'
import { workingCopyStep, type StepArgs } from '../revisions/workflow'
import { correctionArgs } from '../revisions/action-args'
import { refusal } from '../refusals'
import {
  actionNames,
  judge,
  mayTake,
  transitions,
  type ActionName,
  type ArticleFacts,
  type Status,
  type Transition,
} from './transitions'
import { workflowButtons } from './buttons'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>

type Args = StepArgs & {
  version: number
  note?: string | null
  reason?: string | null
  publishedAt?: string | null
}

type LoadedArticle = {
  status: string
  headline: string
  version: number
  publishedAt: string | null
  body: { document: unknown } | null
  authorsCount: number
  authors: { user: { id: string } | null }[]
}

const ARTICLE = `id status headline version publishedAt
  body { document } authorsCount authors { user { id } }`

function hasText(document: unknown): boolean {
  return JSON.stringify(document ?? []).match(/"text":"\s*[^"\s]/) !== null
}

/** The story as the workflow judges it, read whole (sudo): its facts and whether it is `session`'s own. */
export async function loadStory(context: Context, id: string, session: Session) {
  const article = (await context.sudo().query.Article!.findOne({
    where: { id },
    query: ARTICLE,
  })) as LoadedArticle
  const facts: ArticleFacts = {
    status: article.status as Status,
    headline: article.headline,
    hasBody: hasText(article.body?.document),
    authorCount: article.authorsCount,
    hasUnpublishedChanges: (await unpublishedChanges(context, id, article.status, false)) !== null,
  }
  const isOwn = article.authors.some(a => a.user?.id === session.itemId)
  return { article, isOwn, facts }
}

/** What the action writes besides the status: the stamps the newsroom relies on. */
function stamps(
  name: ActionName,
  article: { publishedAt: string | null },
  args: Args,
  session: Session,
  now: Date
) {
  switch (name) {
    case 'publish':
    case 'republish':
      // publishedAt marks the first publication only; a future one schedules the story.
      return article.publishedAt
        ? { publishedById: session.itemId }
        : {
            publishedAt: args.publishedAt ? new Date(args.publishedAt) : now,
            publishedById: session.itemId,
          }
    case 'unpublish':
      return { unpublishedAt: now }
    case 'kill':
      return { killedAt: now, killReason: args.reason!.trim() }
    default:
      return {}
  }
}

async function take(
  name: ActionName,
  where: Record<string, unknown>,
  args: Args,
  context: Context
) {
  const session = context.session as Session | undefined
  if (!isSignedIn({ session })) throw refusal('unauthenticated', `Sign in to ${name} a story`)
  // Only a story this person may see can be acted on; the rest do not exist for them.
  const visible = await context.db.Article!.findOne({ where })
  if (!visible) throw refusal('notFound', 'No such story, or you may not see it')
  const id = String(visible.id)
  const sudo = context.sudo()
  const { article, isOwn, facts } = await loadStory(context, id, session!)
  const role = session!.data.role
  const verdict = judge({
    action: name,
    role,
    isOwn,
    article: facts,
    text: args.note ?? args.reason,
  })
  // Not this person's to take, or not in this state / without what it needs.
  if (!verdict.ok) {
    throw refusal(mayTake(name, role, isOwn) ? 'badInput' : 'forbidden', verdict.reason)
  }
  // Notes and reasons are stored (the kill reason shown to readers): the same rules as fields.
  for (const key of ['note', 'reason'] as const) {
    const value = args[key]
    if (typeof value !== 'string') continue
    args = { ...args, [key]: normaliseNewlines(value) }
    const problem = textProblem(key, args[key]!, 'multi', LIMITS.note)
    if (problem) throw refusal('badInput', problem)
  }
  if (args.version !== article.version)
    throw refusal('stale', await staleMessage(context, id, args.version))
  if (args.publishedAt && (name !== 'publish' || article.publishedAt)) {
    throw refusal('badInput', 'publishedAt is set on first publication only')
  }
  if (args.publishedAt && Number.isNaN(new Date(args.publishedAt).getTime())) {
    throw refusal('badInput', 'publishedAt is not a valid date and time')
  }

  // The working-copy actions' own input is checked here too; the step runs after the claim.
  const step = workingCopyStep(name, args, article.publishedAt)
  const now = new Date()
  try {
    // The mutation's transaction when called through GraphQL; a new one otherwise.
    await inTransaction(sudo, async tx => {
      await claimNextVersion(
        tx,
        id,
        args.version,
        {
          status: verdict.to,
          lastEditedById: session!.itemId,
          updatedAt: now,
          ...stamps(name, article, args, session!, now),
        },
        { status: article.status }
      )
      const notes = await step(tx, id, session!.itemId, now)
      await tx.db.ArticleEvent!.createOne({
        data: {
          article: { connect: { id } },
          action: name,
          fromStatus: article.status,
          toStatus: verdict.to,
          actor: { connect: { id: session!.itemId } },
          actorName: session!.data.name,
          at: now,
          note: [(args.note ?? args.reason ?? '').trim(), ...notes].filter(Boolean).join(' '),
          version: args.version + 1,
        },
      })
      // The published store follows the action in the same transaction (src/content).
      await publishStories(tx.prisma, [id])
    })
  } catch (error) {
    if (error instanceof StaleVersionError) throw refusal('stale', error.message)
    throw error
  }
  return context.db.Article!.findOne({ where: { id } })
}

// Action argument fields take no hooks: the characters are checked in take().
const noteField = (label: string, description: string) =>
  text({
    validation: { isRequired: true, length: { max: LIMITS.note } },
    ui: { label, description, displayMode: 'textarea' },
  })

function argsFor(name: ActionName) {
  const { requires } = transitions[name] as { requires?: 'note' | 'reason' }
  return {
    version: {
      graphql: g.arg({ type: g.nonNull(g.Int) }),
      ui: { source: { itemField: 'version' } },
    },
    ...(requires === 'note' && {
      note: {
        graphql: g.arg({ type: g.String }),
        ui: { source: { field: noteField('Note for the reporter', 'Says what to change') } },
      },
    }),
    ...(requires === 'reason' && {
      reason: {
        graphql: g.arg({ type: g.String }),
        ui: {
          source: {
            field: noteField(
              'Reason',
              name === 'kill'
                ? 'Shown to readers as the kill notice'
                : 'Kept in the story’s history'
            ),
          },
        },
      },
    }),
    ...(name === 'publishChanges' && correctionArgs()),
    ...(name === 'publish' && {
      publishedAt: {
        graphql: g.arg({ type: g.DateTime }),
        ui: {
          source: {
            field: timestamp({
              ui: {
                label: 'Publish at',
                description: 'Leave empty to publish now; a future time schedules it',
              },
            }),
          },
        },
      },
    }),
  }
}

/**
 * The Admin UI button, per story: the mode workflowButtons gives this person on it (hidden,
 * disabled while the story lacks what the action needs, or enabled). Kill is never Keystone's
 * button (nor any destructive action): its dialog cannot be styled as dangerous nor wait for the reason, so the desk notice
 * (admin/views/desk-notice.tsx) offers it from the same function.
 */
function actionMode(name: ActionName) {
  return async ({
    session,
    context,
    item,
  }: {
    session?: Session
    context: Context
    item?: { id: unknown } | null
  }) => {
    const destructive = (transitions[name] as Transition).destructive ?? false
    if (!isSignedIn({ session }) || !item || destructive) return 'hidden' as const
    const { isOwn, facts } = await loadStory(context, String(item.id), session!)
    const button = workflowButtons(session!.data.role, isOwn, facts).find(b => b.action === name)
    return button?.mode ?? ('hidden' as const)
  }
}

export const articleActions = Object.fromEntries(
  actionNames.map(name => [
    name,
    action({
      access: isSignedIn,
      args: argsFor(name),
      resolve: ({ where, args }, context) => take(name, where, args as Args, context),
      ui: {
        label: transitions[name].label,
        messages: { success: `${transitions[name].label}: {itemLabel}` },
        itemView: { actionMode: actionMode(name) as never, navigation: 'refetch' },
        listView: { actionMode: 'hidden' },
      },
    }),
  ])
)
