// The Content API's GraphQL schema (./type-defs.ts): read-only, its own (not Keystone's), resolved
// from the published store only (./store.ts). Every resolver names what it returns in the
// request's cache keys (Surrogate-Key / Cache-Tag); to-many reads are batched per level.
import {
  buildSchema,
  GraphQLError,
  Kind,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
} from 'graphql'
import { isRealDateTime } from '../fields/calendar'
import { withStrictDates } from '../fields/strict-dates'
import { Batch, Batches } from './batch'
import { decodeCursor, encodeCursor } from './cursor'
import { contentEnv } from './env'
import { NOT_ON_CARD, type ProfileKind, type RefKind } from './live-copy'
import type { Reads } from './reader'
import { typeDefs } from './type-defs'
import {
  storiesById,
  listStories,
  profileBySlug,
  publishedStoriesById,
  storiesOfProfiles,
  storyBySlug,
  type Page,
  type ProfileData,
  type StoryData,
  type StoryFilter,
} from './store'

/** What every resolver of one request shares. */
export type ContentContext = {
  db: Reads
  now: Date
  /** Cache keys of everything in the answer (Surrogate-Key, Cache-Tag). */
  keys: Set<string>
  targets: Batch<string, StoryData>
  /** Full copies of stories read as cards (listings, read-also targets). */
  full: Batch<string, StoryData>
  profileStories: Batches<string, Page>
}

export function contentContext(db: Reads, now = new Date()): ContentContext {
  return {
    db,
    now,
    keys: new Set(),
    targets: new Batch(ids => publishedStoriesById(db, ids, now)),
    full: new Batch(ids => storiesById(db, ids)),
    // Grouped by kind and arguments: one statement per profile kind, field and arguments.
    profileStories: new Batches(group => async ids => {
      const { kind, first, after } = JSON.parse(group) as {
        kind: RefKind
        first: number
        after: string | null
      }
      return storiesOfProfiles(db, kind, ids, first, decodeCursor(after), now)
    }),
  }
}

type Resolver = GraphQLFieldResolver<Record<string, unknown>, ContentContext, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const PROFILE_TYPES: Record<string, ProfileKind> = {
  Person: 'person',
  Organization: 'organization',
  Place: 'place',
  Tag: 'tag',
}

function connection(page: Page, keys: Set<string>) {
  const edges = page.nodes.map(node => {
    keys.add(`story:${node.id}`)
    return { cursor: encodeCursor(node), node }
  })
  return {
    edges,
    nodes: page.nodes,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  }
}

const first = (value: unknown) => {
  const n = value == null ? 20 : Number(value)
  // The budget refuses these before execution; this guards direct use of the schema.
  if (!Number.isInteger(n) || n < 0 || n > 100) throw badInput('`first` must be between 0 and 100')
  return n
}

const badInput = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } })

/**
 * A DateTime argument (the scalar passes values through): an RFC 3339 date-time that exists on
 * the calendar (the staff API's rule, src/fields/calendar.ts), or a BAD_USER_INPUT error.
 */
function time(value: unknown, name: string): Date | null {
  if (value == null) return null
  if (typeof value !== 'string' || !isRealDateTime(value)) {
    const shown = typeof value === 'string' ? ` (${JSON.stringify(value.slice(0, 40))} is not)` : ''
    throw badInput(`\`${name}\` must be a real date and time such as 2023-07-12T10:00:00Z${shown}`)
  }
  return new Date(value)
}

function storyFilter(value: unknown): StoryFilter | null {
  if (value == null) return null
  const filter = value as Record<string, unknown>
  return {
    ...(filter as StoryFilter),
    publishedAfter: time(filter.publishedAfter, 'publishedAfter'),
    publishedBefore: time(filter.publishedBefore, 'publishedBefore'),
  }
}

const notOnCard = new Set<string>(NOT_ON_CARD)

/** Whether the fields asked of this Story are all on its card (fragments: assume not). */
function cardWillDo(info: GraphQLResolveInfo) {
  return info.fieldNodes.every(node =>
    (node.selectionSet?.selections ?? []).every(
      selection => selection.kind === Kind.FIELD && !notOnCard.has(selection.name.value)
    )
  )
}

/**
 * A story's field, from its full copy when the story was read as a card without it. Synchronous
 * when the field is at hand (graphql-js then completes the object without a promise per field).
 */
function fromFull(story: Record<string, unknown>, field: string, ctx: ContentContext): unknown {
  if (story.card !== true || !notOnCard.has(field)) return story[field]
  return ctx.full.get(String(story.id)).then(full => full?.[field])
}

/** `fn` of a value or of a promise's value, staying synchronous for a value. */
const then = <T>(value: unknown, fn: (v: unknown) => T): T | Promise<T> =>
  value instanceof Promise ? value.then(fn) : fn(value)

const named =
  (kind: string) =>
  <T extends { id: string } | null>(value: T, keys: Set<string>): T => {
    if (value) keys.add(`${kind}:${value.id}`)
    return value
  }

const resolvers: Record<string, Record<string, Resolver>> = {
  Query: {
    story: async (_, { slug }, ctx, info) => {
      const story = await storyBySlug(ctx.db, slug, ctx.now, cardWillDo(info) ? 'card' : 'data')
      // A slug not (yet) public: its publication purges the listings' key.
      if (!story) ctx.keys.add('stories')
      return named('story')(story, ctx.keys)
    },
    stories: async (_, args, ctx) => {
      ctx.keys.add('stories')
      const filter = storyFilter(args.filter)
      const page = await listStories(
        ctx.db,
        { first: first(args.first), cursor: decodeCursor(args.after), filter },
        ctx.now
      )
      return connection(page, ctx.keys)
    },
    ...Object.fromEntries(
      Object.values(PROFILE_TYPES).map(kind => [
        kind,
        (async (_, { slug }, ctx) => {
          const profile = await profileBySlug(ctx.db, kind, slug, ctx.now)
          if (!profile) ctx.keys.add('stories')
          return named(kind)(profile, ctx.keys)
        }) satisfies Resolver,
      ])
    ),
  },
  Story: {
    // Fields a card leaves out, asked for in a listing: read for the whole level at once.
    ...Object.fromEntries(
      ['body', 'relatedLinks', 'corrections', 'publicationNote'].map(field => [
        field,
        ((story, _, ctx) => then(fromFull(story, field, ctx), v => v ?? null)) satisfies Resolver,
      ])
    ),
    url: story => `${contentEnv.publicSiteUrl}/${encodeURIComponent(String(story.slug))}`,
    datelinePlace: (story, _, ctx) => named('place')(story.datelinePlace as ProfileData, ctx.keys),
    copyrightHolder: (story, _, ctx) =>
      named('organization')(story.copyrightHolder as ProfileData, ctx.keys),
    ...Object.fromEntries(
      (
        [
          ['authors', 'person'],
          ['editors', 'person'],
          ['people', 'person'],
          ['organizations', 'organization'],
          ['sources', 'organization'],
          ['places', 'place'],
          ['tags', 'tag'],
        ] as const
      ).map(([field, kind]) => [
        field,
        ((story, _, ctx) =>
          then(fromFull(story, field, ctx), value => {
            const list = value as ProfileData[] | undefined
            for (const p of list ?? []) ctx.keys.add(`${kind}:${p.id}`)
            return list ?? null
          })) satisfies Resolver,
      ])
    ),
  },
  RelatedLink: {
    target: async (link, _, ctx) => {
      const id = link.targetId as string | null
      if (!id) return null
      // Named even when hidden: its publication changes this answer.
      ctx.keys.add(`story:${id}`)
      return (await ctx.targets.get(id)) ?? null
    },
  },
  ...Object.fromEntries(
    Object.entries(PROFILE_TYPES).map(([type, kind]) => [
      type,
      {
        stories: (async (profile, args, ctx) => {
          // A person's byline pages read their `author` refs.
          const refs: RefKind = kind === 'person' && args.role === 'AUTHOR' ? 'author' : kind
          const group = JSON.stringify({
            kind: refs,
            first: first(args.first),
            after: args.after ?? null,
          })
          decodeCursor(args.after) // a bad cursor fails here, for this field alone
          const page = await ctx.profileStories.get(group, String(profile.id))
          return connection(page ?? { nodes: [], hasNextPage: false }, ctx.keys)
        }) satisfies Resolver,
      },
    ])
  ),
}

/** The executable schema: the SDL (./type-defs.ts) with the resolvers attached. */
export function contentSchema() {
  const schema = buildSchema(typeDefs)
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName) as { getFields(): Record<string, { resolve?: Resolver }> }
    for (const [fieldName, resolve] of Object.entries(fields)) {
      type.getFields()[fieldName]!.resolve = resolve
    }
  }
  // The staff API's calendar rule for the DateTime scalar: impossible dates fail validation.
  return withStrictDates(schema)
}
