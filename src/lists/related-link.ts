import { list } from '@keystone-6/core'
import { integer, relationship, select } from '@keystone-6/core/fields'
import { LIMITS, singleLine } from '../fields/text-limits'
import { articleFilter, isSignedIn, relatedLinkFilter } from '../access/rules'
import type { Session } from '../access/session'
import { httpUrl } from '../fields/url'
import { deleteAction } from './delete-action'
import type { KeystoneContext } from '@keystone-6/core/types'
import { touchStories } from '../workflow/touched-stories'
import type { Lists } from '../../generated/keystone/types'

type ArticleRef = { id?: string | null; slug?: string | null }

/**
 * Links follow their article: a link may only be attached to an article the session may edit,
 * for link managers too (a killed story gains no links). `article` is set on create only.
 */
async function mayAttachTo({
  session,
  context,
  inputData,
}: {
  session?: Session
  context: KeystoneContext<any> // eslint-disable-line @typescript-eslint/no-explicit-any
  inputData: { article?: unknown }
}) {
  if (!isSignedIn({ session })) return false
  const ref = (inputData.article as { connect?: ArticleRef } | undefined)?.connect
  if (!ref) return true // an update (article is not in its input): the filter checked the story
  const where = ref.id ? { id: { equals: ref.id } } : { slug: { equals: ref.slug ?? '' } }
  const editable = articleFilter.update({ session })
  if (editable === false) return false
  const count = await context.sudo().db.Article!.count({
    where: typeof editable === 'boolean' ? where : { AND: [where, editable] },
  })
  return count > 0
}

/** The value a relationship will have after this write: the input if given, else the item's. */
function willBeSet(input: unknown, current: unknown): boolean {
  if (input === undefined) return current !== null && current !== undefined
  if (input === null) return false
  const op = input as { connect?: unknown; disconnect?: unknown; create?: unknown }
  return Boolean(op.connect || op.create)
}

// A "Baca juga" (read also) line. With neither a URL nor a target article it is "unresolved":
// the label is printed, the link is not (the seed's two links have no known URL).
export const RelatedLink: Lists.RelatedLink = list({
  access: {
    operation: { query: isSignedIn, create: isSignedIn, update: isSignedIn, delete: isSignedIn },
    filter: relatedLinkFilter,
    item: { create: mayAttachTo, update: mayAttachTo },
  },
  actions: {
    remove: deleteAction('RelatedLink', relatedLinkFilter.delete, 'Delete link'),
  } as unknown as NonNullable<Lists.RelatedLink['actions']>,
  ui: {
    // Shown per item instead, by the Delete link action (src/lists/delete-action.ts).
    hideDelete: true,
    labelField: 'label',
    listView: { initialColumns: ['label', 'article', 'placement', 'afterParagraph', 'position'] },
  },
  fields: {
    // Set once, on create: a link is moved by deleting it and creating it on the other story,
    // each under that story's rules and moving its version.
    article: relationship({
      ref: 'Article.relatedLinks',
      graphql: { omit: { update: true } },
      ui: { itemView: { fieldMode: 'read' } },
    }),
    label: singleLine(LIMITS.headline, { validation: { isRequired: true } }),
    url: httpUrl({ description: 'External link (http/https). Leave empty to link a Warta story.' }),
    targetArticle: relationship({ ref: 'Article', ui: { description: 'Or: a Warta story' } }),
    placement: select({
      type: 'string',
      options: [
        { label: 'Inline, after paragraph N', value: 'inline' },
        { label: 'At the end', value: 'end' },
      ],
      defaultValue: 'end',
      validation: { isRequired: true },
    }),
    afterParagraph: integer({
      validation: { min: 1 },
      ui: { description: 'For inline links: the 1-based paragraph it follows' },
    }),
    position: integer({
      defaultValue: 1,
      validation: { isRequired: true, min: 1 },
      ui: { description: 'Order among the story\u2019s read-also links' },
    }),
  },
  hooks: {
    // A link is part of its story: creating, changing or deleting it changes the story.
    async afterOperation({ item, originalItem, context }) {
      await touchStories(context, [item?.articleId, originalItem?.articleId])
    },
    validate({ operation, resolvedData, item, addValidationError }) {
      if (operation === 'delete') return
      const current = item as Record<string, unknown> | undefined
      const data = resolvedData as Record<string, unknown>
      const url = data.url !== undefined ? data.url : current?.url
      const hasTarget = willBeSet(data.targetArticle, current?.targetArticleId)
      if (url && hasTarget) {
        addValidationError('A read-also link has either a URL or a target article, not both')
      }
      const placement = data.placement ?? current?.placement
      const after =
        data.afterParagraph !== undefined ? data.afterParagraph : current?.afterParagraph
      if (placement === 'inline' && (after === null || after === undefined)) {
        addValidationError(
          'An inline read-also link needs the paragraph it follows (afterParagraph)'
        )
      }
      if (placement === 'end' && after !== null && after !== undefined) {
        addValidationError('afterParagraph is only for inline links; clear it or choose "inline"')
      }
    },
  },
})
