// compareArticleRevisions(from, to): two revisions of one story, compared field by field and the
// body paragraph by paragraph (src/revisions/compare.ts), for the Admin UI's revision pages.
// Staff only; each revision must be one the caller may read (of a story they may read).
import { gWithContext } from '@keystone-6/core'
import type { GraphQLSchema } from 'graphql'
import { refusal } from '../refusals'
import { compareSnapshots, type Comparison, describeChanges } from '../revisions/compare'
import { withRelationNames } from '../revisions/relation-names'
import { parseSnapshot } from '../revisions/snapshot'
import type { Context } from '../../generated/keystone/types'

const g = gWithContext<Context>()

const FieldChange = g.object<Comparison['fields'][number]>()({
  name: 'ArticleRevisionFieldChange',
  fields: {
    field: g.field({ type: g.nonNull(g.String) }),
    // As JSON text (a field's value, or a relation's list of profiles as { id, name }).
    before: g.field({
      type: g.String,
      resolve: change => (change.before === undefined ? null : JSON.stringify(change.before)),
    }),
    after: g.field({
      type: g.String,
      resolve: change => (change.after === undefined ? null : JSON.stringify(change.after)),
    }),
  },
})
type Word = NonNullable<Comparison['paragraphs'][number]['words']>[number]
const WordChange = g.object<Word>()({
  name: 'ArticleRevisionWordChange',
  fields: {
    value: g.field({ type: g.nonNull(g.String) }),
    change: g.field({ type: g.nonNull(g.String), description: 'same, inserted or deleted' }),
  },
})
const ParagraphChange = g.object<Comparison['paragraphs'][number]>()({
  name: 'ArticleRevisionParagraphChange',
  fields: {
    change: g.field({
      type: g.nonNull(g.String),
      description: 'same, inserted, deleted or changed',
    }),
    before: g.field({ type: g.String }),
    after: g.field({ type: g.String }),
    words: g.field({ type: g.list(g.nonNull(WordChange)) }),
  },
})
type Answer = Comparison & { fromVersion: number; toVersion: number; summary: string }
const ComparisonType = g.object<Answer>()({
  name: 'ArticleRevisionComparison',
  fields: {
    fromVersion: g.field({ type: g.nonNull(g.Int) }),
    toVersion: g.field({ type: g.nonNull(g.Int) }),
    summary: g.field({ type: g.nonNull(g.String) }),
    fields: g.field({ type: g.nonNull(g.list(g.nonNull(FieldChange))) }),
    paragraphs: g.field({ type: g.nonNull(g.list(g.nonNull(ParagraphChange))) }),
  },
})

async function compare(context: Context, from: string, to: string): Promise<Answer> {
  if (!context.session) throw refusal('unauthenticated', 'Sign in to compare revisions')
  const [a, b] = await Promise.all(
    [from, to].map(id => context.db.ArticleRevision.findOne({ where: { id } }))
  )
  if (!a || !b) throw refusal('notFound', 'No such revision, or you may not see it')
  if (a.articleId !== b.articleId) throw refusal('badInput', 'Compare two revisions of one story')
  const before = parseSnapshot(a.snapshot)
  const after = parseSnapshot(b.snapshot)
  if (!before || !after) throw refusal('badInput', 'A revision is in a format Warta cannot read')
  const comparison = compareSnapshots(before, after)
  return {
    ...comparison,
    // Relations by the names people know them by, ids kept (summary counts are unaffected).
    fields: await withRelationNames(context, comparison.fields),
    fromVersion: a.version,
    toVersion: b.version,
    summary: describeChanges(comparison),
  }
}

/** The schema with compareArticleRevisions added to Query. */
export function withRevisionQueries(schema: GraphQLSchema): GraphQLSchema {
  return g.extend({
    query: {
      compareArticleRevisions: g.field({
        type: ComparisonType,
        args: { from: g.arg({ type: g.nonNull(g.ID) }), to: g.arg({ type: g.nonNull(g.ID) }) },
        resolve: (_root, { from, to }, context) => compare(context, from, to),
      }),
    },
  })(schema)
}
