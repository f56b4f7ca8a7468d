import { list } from '@keystone-6/core'
import { calendarDay, relationship, select, text, timestamp } from '@keystone-6/core/fields'
import { document } from '@keystone-6/fields-document'
import { articleFieldMode } from '../access/admin-ui'
import { allowed, articleFilter, isSignedIn, staffReadOnly } from '../access/rules'
import type { Session } from '../access/session'
import { authorshipProblems, withOwnByline } from './article-authors'
import { slug } from '../fields/slug'
import { httpUrl } from '../fields/url'
import type { Lists } from '../../generated/keystone/types'

export const articleStatuses = [
  { label: 'Draft', value: 'draft' },
  { label: 'In review', value: 'in_review' },
  { label: 'Published', value: 'published' },
  { label: 'Unpublished', value: 'unpublished' },
  { label: 'Killed', value: 'killed' },
] as const

// BCP-47 primary language with optional subtags: "id", "en", "en-GB", "zh-Hant-TW".
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

// Status and the publication stamp are editorial decisions (the workflow issue replaces these
// direct writes with actions).
const canSetStatus = allowed('article.setStatus')
const statusAccess = { create: canSetStatus, update: canSetStatus }
const statusUi = {
  createView: {
    fieldMode: (args: { session?: Session }) => (canSetStatus(args) ? 'edit' : 'hidden'),
  },
  itemView: { fieldMode: (args: { session?: Session }) => (canSetStatus(args) ? 'edit' : 'read') },
} as const

export const Article: Lists.Article = list({
  access: {
    operation: {
      query: () => true,
      create: allowed('article.create'),
      update: isSignedIn,
      delete: isSignedIn,
    },
    filter: articleFilter,
  },
  fieldDefaults: { ui: { itemView: { fieldMode: articleFieldMode } } },
  ui: {
    hideCreate: args => !allowed('article.create')(args),
    labelField: 'headline',
    searchFields: ['headline', 'slug'],
    listView: {
      initialColumns: ['headline', 'status', 'authors', 'storyDate', 'publishedAt', 'updatedAt'],
      initialSort: { field: 'updatedAt', direction: 'DESC' },
    },
  },
  fields: {
    headline: text({ validation: { isRequired: true, length: { max: 300 } } }),
    slug: slug({ from: 'headline' }),
    summary: text({ ui: { displayMode: 'textarea' } }),
    body: document({
      formatting: {
        inlineMarks: { bold: true, italic: true, strikethrough: true },
        listTypes: true,
        headingLevels: [2, 3, 4],
        blockTypes: { blockquote: true },
        softBreaks: true,
      },
      links: true,
      dividers: true,
    }),
    language: text({
      defaultValue: 'id',
      validation: {
        isRequired: true,
        match: {
          regex: LANGUAGE_TAG,
          explanation: 'must be a BCP-47 language tag such as "id" or "en"',
        },
      },
    }),
    dateline: text({ ui: { description: 'As printed, e.g. "Vilnius, Lithuania"' } }),
    datelinePlace: relationship({ ref: 'Place.datelineOf' }),
    storyDate: calendarDay({ ui: { description: 'The calendar day the story refers to' } }),
    status: select({
      type: 'string',
      options: articleStatuses,
      defaultValue: 'draft',
      validation: { isRequired: true },
      access: statusAccess,
      ui: { displayMode: 'segmented-control', ...statusUi },
    }),
    publishedAt: timestamp({
      access: statusAccess,
      ui: { description: 'First publication', ...statusUi },
    }),
    publicationNote: text({
      ui: {
        displayMode: 'textarea',
        description: 'Provenance of the publication facts (e.g. only the date is known)',
      },
    }),
    editorialNote: text({
      access: staffReadOnly,
      ui: { displayMode: 'textarea', description: 'Internal: never shown to readers' },
    }),
    authors: relationship({
      ref: 'Person.authored',
      many: true,
      ui: { description: 'Pewarta' },
      hooks: { resolveInput: { create: withOwnByline } },
    }),
    editors: relationship({ ref: 'Person.edited', many: true }),
    people: relationship({
      ref: 'Person.mentionedIn',
      many: true,
      ui: { description: 'Mentioned' },
    }),
    organizations: relationship({ ref: 'Organization.mentionedIn', many: true }),
    places: relationship({ ref: 'Place.mentionedIn', many: true }),
    tags: relationship({ ref: 'Tag.articles', many: true }),
    sources: relationship({
      ref: 'Organization.sourceOf',
      many: true,
      ui: { description: 'Where the copy came from' },
    }),
    sourceCredit: text({ ui: { description: 'The printed credit, verbatim (e.g. "Kyodo-OANA")' } }),
    relatedLinks: relationship({
      ref: 'RelatedLink.article',
      many: true,
      ui: { description: '"Baca juga" (read also) lines' },
    }),
    copyrightNotice: text(),
    copyrightHolder: relationship({ ref: 'Organization.copyrightOf' }),
    originalUrl: httpUrl({ description: 'Where the story was first published, when known' }),
    createdAt: timestamp({
      defaultValue: { kind: 'now' },
      ui: { createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read' } },
    }),
    updatedAt: timestamp({
      db: { updatedAt: true },
      ui: { createView: { fieldMode: 'hidden' }, itemView: { fieldMode: 'read' } },
    }),
  },
  hooks: {
    async validate({ operation, inputData, item, context, addValidationError }) {
      if (operation === 'delete') return
      for (const problem of await authorshipProblems({ operation, inputData, item, context })) {
        addValidationError(problem)
      }
    },
  },
})
