// restoreArticleRevision(where, version): writes a revision's content into its story's working
// copy (never the live copy: a published story then has unpublished changes), version-checked,
// under the story's update rule, recording a new "restore" revision in the same transaction.
// Answers with that new revision; its note says what was left out (deleted since).
import { action, g } from '@keystone-6/core'
import { integer } from '@keystone-6/core/fields'
import type { KeystoneContext } from '@keystone-6/core/types'
import { articleFilter, isSignedIn } from '../access/rules'
import type { Session } from '../access/session'
import { inTransaction } from '../db/transaction'
import { refusal } from '../refusals'
import { writeWorkingCopy } from '../revisions/apply'
import { recordRevisions } from '../revisions/record'
import { parseSnapshot } from '../revisions/snapshot'
import { claimNextVersion, staleMessage, StaleVersionError } from '../workflow/stale'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>

async function restore(where: Record<string, unknown>, loaded: number, context: Context) {
  const session = context.session as Session | undefined
  if (!isSignedIn({ session })) throw refusal('unauthenticated', 'Sign in to restore a revision')
  // Only a revision this person may read (of a story they may read) can be restored.
  const revision = await context.db.ArticleRevision!.findOne({ where })
  if (!revision) throw refusal('notFound', 'No such revision, or you may not see it')
  const id = revision.articleId == null ? null : String(revision.articleId)
  if (!id) throw refusal('badInput', 'This revision’s story has been deleted')
  const snapshot = parseSnapshot(revision.snapshot)
  if (!snapshot)
    throw refusal('badInput', 'This revision’s content is in a format Warta cannot read')
  const editable = articleFilter.update({ session }) as boolean | object
  const mayEdit =
    editable !== false &&
    (await context.sudo().db.Article!.count({
      where:
        editable === true ? { id: { equals: id } } : { AND: [{ id: { equals: id } }, editable] },
    })) > 0
  if (!mayEdit) throw refusal('forbidden', 'You may not edit this story, so not restore it either')
  const article = (await context.sudo().db.Article!.findOne({ where: { id } }))!
  if (article.version !== loaded) throw refusal('stale', await staleMessage(context, id, loaded))

  const now = new Date()
  try {
    await inTransaction(context.sudo(), async tx => {
      await claimNextVersion(tx, id, loaded, { lastEditedById: session!.itemId, updatedAt: now })
      const left = await writeWorkingCopy(tx, id, snapshot)
      const note = [
        `Restored from version ${String(revision.version)}.`,
        ...(left.length > 0 ? [`Left out: ${left.join('; ')}.`] : []),
      ].join(' ')
      // The session's name and account, not sudo's: who restored it.
      await recordRevisions(tx.withSession(session) as Context, [id], 'restore', note)
    })
  } catch (error) {
    if (error instanceof StaleVersionError) throw refusal('stale', error.message)
    throw error
  }
  return context.sudo().db.ArticleRevision!.findOne({
    where: { id: await newest(context, id) },
  })
}

async function newest(context: Context, articleId: string): Promise<string> {
  const [row] = await context.sudo().db.ArticleRevision!.findMany({
    where: { article: { id: { equals: articleId } } },
    orderBy: { version: 'desc' },
    take: 1,
  })
  return String(row!.id)
}

export function restoreAction() {
  return action({
    access: isSignedIn,
    args: {
      version: {
        graphql: g.arg({ type: g.nonNull(g.Int) }),
        // The story's version, as loaded with the story (not the revision's own number).
        ui: {
          source: {
            field: integer({
              validation: { isRequired: true },
              ui: { label: 'Story version you loaded', description: 'Shown on the story’s page' },
            }),
          },
        },
      },
    },
    resolve: ({ where, args }, context) =>
      restore(where, (args as { version: number }).version, context),
    ui: {
      label: 'Restore into the working copy',
      messages: { success: 'Restored into the working copy: {itemLabel}' },
      itemView: { actionMode: 'enabled', navigation: 'refetch' },
      listView: { actionMode: 'hidden' },
    },
  })
}
