import { list } from '@keystone-6/core'
import { denyAll } from '@keystone-6/core/access'
import { calendarDay, relationship, select, timestamp } from '@keystone-6/core/fields'
import { articleFieldMode } from '../access/admin-ui'
import { allowed, articleFilter, isSignedIn, publicWhenKilled } from '../access/rules'
import type { Session } from '../access/session'
import { articleActions } from '../workflow/actions'
import { statuses, statusLabels } from '../workflow/transitions'
import { versionField } from './article-version'
import { authorshipProblems, publishedBylineProblem, withOwnByline } from './article-authors'
import { linkProblems } from './article-links'
import { liveSlugProblem } from './article-live-slug'
import { deskField } from './article-desk'
import { hasUnpublishedChangesField, revisionsField } from './article-working-copy'
import { recordField } from './article-record'
import { deleteAction } from './delete-action'
import { addCorrection } from './correction-action'
import { slug } from '../fields/slug'
import { readOnlyInApi } from '../fields/back-reference'
import { httpUrl } from '../fields/url'
import { storyBody } from '../fields/story-body'
import { LIMITS, multiLine, singleLine } from '../fields/text-limits'
import type { Lists } from '../../generated/keystone/types'

// BCP-47 primary language with optional subtags: "id", "en", "en-GB", "zh-Hant-TW".
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

// Status and its stamps change only through the workflow actions (src/workflow), never by
// create or update. `read` says who sees them: on another reporter's killed story a reporter
// sees only the fields read by everyone (the kill notice), not those under publicWhenKilled.
type Read = typeof publicWhenKilled | (() => boolean)
const stamp = (description: string, read: Read = publicWhenKilled) => ({
  access: { read, create: denyAll, update: denyAll },
  ui: {
    description,
    createView: { fieldMode: 'hidden' as const },
    // The sidebar's Record (src/lists/article-record.ts) shows them in words.
    itemView: { fieldMode: 'hidden' as const },
  },
})
// The story page's sidebar: who and where, beside the story itself.
const sidebar = { itemView: { fieldPosition: 'sidebar' as const } }
// Not needed to start a story: set on its page once it exists.
const later = { createView: { fieldMode: 'hidden' as const } }
const everyone = () => true
// A time stamp: in lists, written as the newsroom writes times.
const timeStamp = (description: string, read: Read = publicWhenKilled) => {
  const { access, ui } = stamp(description, read)
  return { access, ui: { ...ui, views: './admin/views/newsroom-timestamp' } }
}

export const Article: Lists.Article = list<Lists.Article.TypeInfo>({
  access: {
    operation: {
      query: isSignedIn,
      create: allowed('article.create'),
      update: isSignedIn,
      delete: isSignedIn,
    },
    filter: articleFilter,
  },
  // A killed story stays addressable, but its content is withdrawn from other reporters.
  fieldDefaults: {
    access: { read: { item: publicWhenKilled.item, filter: () => true, order: () => true } },
    ui: { itemView: { fieldMode: articleFieldMode } },
  },
  db: {
    // Staff lists and the publisher ask for stories by status and time ("published today",
    // "next scheduled"): without this, each scans the whole archive.
    extendPrismaSchema: model => model.replace(/\}\s*$/, '  @@index([status, publishedAt])\n}'),
  },
  actions: {
    ...articleActions,
    deleteDraft: deleteAction('Article', articleFilter.delete, 'Delete draft'),
    addCorrection,
  } as unknown as NonNullable<Lists.Article['actions']>,
  ui: {
    hideCreate: args => !allowed('article.create')(args),
    // Shown per item instead, by the Delete draft action (src/lists/delete-action.ts).
    hideDelete: true,
    labelField: 'headline',
    searchFields: ['headline', 'slug'],
    listView: {
      // Few columns, so the headline column is wide enough to show whole headlines.
      initialColumns: ['headline', 'status', 'authors', 'updatedAt'],
      initialSort: { field: 'updatedAt', direction: 'DESC' },
    },
  },
  fields: {
    desk: deskField(),
    headline: singleLine(LIMITS.headline, {
      validation: { isRequired: true },
      access: { read: everyone },
      ui: { views: './admin/views/headline' },
    }),
    slug: slug({ from: 'headline', access: { read: everyone }, sidebar: true }),
    summary: multiLine(LIMITS.summary),
    body: storyBody(),
    language: singleLine(LIMITS.languageTag, {
      defaultValue: 'id',
      ui: { ...sidebar },
      validation: {
        isRequired: true,
        match: {
          regex: LANGUAGE_TAG,
          explanation: 'must be a BCP-47 language tag such as "id" or "en"',
        },
      },
    }),
    dateline: singleLine(LIMITS.dateline, {
      ui: { description: 'As printed, e.g. "Vilnius, Lithuania"', ...sidebar },
    }),
    datelinePlace: relationship({ ref: 'Place.datelineOf', ui: { ...sidebar, ...later } }),
    storyDate: calendarDay({
      ui: { description: 'The calendar day the story refers to', ...sidebar },
    }),
    status: select({
      type: 'string',
      options: statuses.map(value => ({ value, label: statusLabels[value] })),
      defaultValue: 'draft',
      validation: { isRequired: true },
      ...stamp('Changed by the workflow buttons (Submit, Publish, …)', everyone),
      ui: {
        description: 'Changed by the workflow buttons (Submit, Publish, …)',
        views: './admin/views/status-label',
        createView: { fieldMode: 'hidden' },
        itemView: { fieldMode: 'read', fieldPosition: 'sidebar' },
      },
    }),
    version: versionField(),
    record: recordField(),
    // The times stay public on a killed story (a kill notice says when the story ran and when it
    // changed), so every list of stories can be ordered by them, whoever asks.
    publishedAt: timestamp(
      timeStamp('First publication (a future time schedules the story)', everyone)
    ),
    publishedBy: relationship({
      ref: 'User',
      ...stamp('Who published it (last)'),
    }),
    unpublishedAt: timestamp(timeStamp('When it was last unpublished')),
    killedAt: timestamp(timeStamp('When it was killed', everyone)),
    killReason: multiLine(LIMITS.note, {
      ...stamp('The kill notice readers see instead of the story', everyone),
    }),
    lastEditedBy: relationship({
      ref: 'User',
      ...stamp('Who changed it last'),
    }),
    publicationNote: multiLine(LIMITS.note, {
      ui: {
        ...later,
        description: 'Provenance of the publication facts (e.g. only the date is known)',
      },
    }),
    editorialNote: multiLine(LIMITS.editorialNote, {
      access: { read: publicWhenKilled },
      ui: { description: 'Internal: never shown to readers', ...later },
    }),
    authors: relationship({
      ref: 'Person.authored',
      many: true,
      ui: { description: 'Pewarta', ...sidebar },
      hooks: { resolveInput: { create: withOwnByline } },
    }),
    editors: relationship({ ref: 'Person.edited', many: true, ui: { ...sidebar, ...later } }),
    people: relationship({
      ref: 'Person.mentionedIn',
      many: true,
      ui: { description: 'Mentioned', ...later },
    }),
    organizations: relationship({ ref: 'Organization.mentionedIn', many: true, ui: later }),
    places: relationship({ ref: 'Place.mentionedIn', many: true, ui: sidebar }),
    tags: relationship({ ref: 'Tag.articles', many: true, ui: sidebar }),
    sources: relationship({
      ref: 'Organization.sourceOf',
      many: true,
      ui: { description: 'Where the copy came from', ...later },
    }),
    sourceCredit: singleLine(LIMITS.credit, {
      ui: { description: 'The printed credit, verbatim (e.g. "Kyodo-OANA")', ...later },
    }),
    relatedLinks: relationship({
      ref: 'RelatedLink.article',
      many: true,
      ui: { description: '"Baca juga" (read also) lines', ...later },
    }),
    copyrightNotice: singleLine(LIMITS.credit, { ui: later }),
    copyrightHolder: relationship({ ref: 'Organization.copyrightOf', ui: later }),
    // Kept as written: a correction is created (createCorrection) and never moved or removed.
    corrections: relationship({
      ref: 'Correction.article',
      many: true,
      graphql: readOnlyInApi,
      ui: {
        displayMode: 'table',
        columns: ['createdAt', 'kind', 'note', 'createdBy'],
        initialSort: { field: 'createdAt', direction: 'ASC' },
        description: 'Added with the Add correction button, once the story is published',
        createView: { fieldMode: 'hidden' },
        itemView: { fieldMode: 'read' },
      },
    }),
    events: relationship({
      ref: 'ArticleEvent.article',
      many: true,
      access: { read: publicWhenKilled, create: denyAll, update: denyAll },
      graphql: readOnlyInApi,
      ui: {
        label: 'History',
        displayMode: 'table',
        columns: ['at', 'action', 'actorName', 'note'],
        initialSort: { field: 'at', direction: 'DESC' },
        createView: { fieldMode: 'hidden' },
        itemView: { fieldMode: 'read' },
      },
    }),
    revisions: revisionsField(),
    hasUnpublishedChanges: hasUnpublishedChangesField(),
    originalUrl: httpUrl({
      description: 'Where the story was first published, when known',
      ...later,
    }),
    createdAt: timestamp({
      defaultValue: { kind: 'now' },
      access: { read: everyone },
      ui: {
        views: './admin/views/newsroom-timestamp',
        createView: { fieldMode: 'hidden' },
        itemView: { fieldMode: 'hidden' },
      },
    }),
    updatedAt: timestamp({
      db: { updatedAt: true },
      access: { read: everyone },
      ui: {
        views: './admin/views/newsroom-timestamp',
        createView: { fieldMode: 'hidden' },
        itemView: { fieldMode: 'hidden' },
      },
    }),
  },
  hooks: {
    // Who changed it last: named when someone else's save is refused as stale.
    resolveInput({ resolvedData, context }) {
      const session = context.session as Session | undefined
      if (!session?.itemId) return resolvedData
      const lastEditedBy = { connect: { id: session.itemId } }
      return { ...resolvedData, lastEditedBy }
    },
    async validate({ operation, inputData, resolvedData, item, context, addValidationError }) {
      if (operation === 'delete') return
      for (const problem of await authorshipProblems({ operation, inputData, item, context })) {
        addValidationError(problem)
      }
      const byline = await publishedBylineProblem({ operation, resolvedData, item, context })
      if (byline) addValidationError(byline)
      const address = await liveSlugProblem({ resolvedData, item, context })
      if (address) addValidationError(address)
      for (const problem of await linkProblems({ inputData, item, context })) {
        addValidationError(problem)
      }
    },
  },
})
