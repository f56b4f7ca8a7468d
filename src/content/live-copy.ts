// The live copy: what a reader may see of a story and of the profiles it uses. Pure. This is the
// ONE place that decides public visibility (the publisher stores what it returns, the Content API
// serves only what is stored); nothing else restates the rule.
//
// - A story is live when published (a future publishedAt schedules it: stored now, served from
//   that time on), or killed after it was published: then only its kill notice is live.
// - Everything else (drafts, stories in review, unpublished ones) has no live copy.
// - Live fields are listed one by one below: a field added to Article stays private until it is
//   added here. Editorial notes, who-did-it stamps, versions and history never are.
// - Profiles are live while a live, not killed, story uses them (ContentStoryRef).
import { documentToHtml } from './html'

export type ProfileKind = 'person' | 'organization' | 'place' | 'tag'
/** What a story ref names: a profile it uses in any role, or (`author`) a person in its byline. */
export type RefKind = ProfileKind | 'author'

/** A profile row as read from the editorial tables (./editorial.ts). */
export type EditorialProfile = { id: string; slug: string } & Record<string, unknown>

/** An article as read from the editorial tables, with its relationships. */
export type EditorialStory = {
  id: string
  slug: string
  status: string
  headline: string
  summary: string
  body: unknown
  language: string
  dateline: string
  storyDate: string | null
  publishedAt: Date | null
  updatedAt: Date | null
  killedAt: Date | null
  killReason: string
  publicationNote: string
  sourceCredit: string
  copyrightNotice: string
  originalUrl: string | null
  datelinePlace: EditorialProfile | null
  copyrightHolder: EditorialProfile | null
  authors: EditorialProfile[]
  editors: EditorialProfile[]
  people: EditorialProfile[]
  organizations: EditorialProfile[]
  sources: EditorialProfile[]
  places: EditorialProfile[]
  tags: EditorialProfile[]
  relatedLinks: {
    label: string
    url: string | null
    placement: string
    afterParagraph: number | null
    position: number
    targetArticleId: string | null
  }[]
  corrections: { kind: string; note: string; createdAt: Date | null }[]
}

export type LiveProfile = { kind: ProfileKind; id: string; slug: string; data: ProfileData }
export type ProfileData = { id: string; slug: string } & Record<string, unknown>
export type LiveStory = {
  articleId: string
  slug: string
  state: 'published' | 'killed'
  publishedAt: Date
  modifiedAt: Date
  language: string
  /** The prepared answer for the Content API's Story type (dates as ISO strings). */
  data: Record<string, unknown>
  /** Profiles the story uses, once each whatever the role (empty for a killed story). */
  profiles: LiveProfile[]
  /** Its refs: each profile once, and each author again as `author` (for byline pages). */
  refs: { kind: RefKind; profileId: string }[]
}

// The public fields of each profile kind, in the order the API lists them.
const PROFILE_FIELDS: Record<ProfileKind, readonly string[]> = {
  person: ['name', 'jobTitle', 'description'],
  organization: ['name', 'shortName', 'kind', 'description', 'url'],
  place: ['name', 'alternateName', 'kind', 'countryCode'],
  tag: ['name'],
}

/** A profile's live copy: its public fields only. */
export function liveProfile(kind: ProfileKind, row: EditorialProfile): LiveProfile {
  const data: ProfileData = { id: row.id, slug: row.slug }
  for (const field of PROFILE_FIELDS[kind]) data[field] = row[field] ?? null
  return { kind, id: row.id, slug: row.slug, data }
}

/** The visibility rule: which live state, if any, an article has. */
export function liveState(
  story: Pick<EditorialStory, 'status' | 'publishedAt' | 'killedAt'>
): 'published' | 'killed' | null {
  if (!story.publishedAt) return null
  if (story.status === 'published') return 'published'
  // A story killed before it ever went out (while scheduled) was never public: nothing to notice.
  if (story.status === 'killed' && (!story.killedAt || story.publishedAt <= story.killedAt))
    return 'killed'
  return null
}

const iso = (date: Date | null) => (date ? date.toISOString() : null)
const bySlug = (a: { slug: string }, b: { slug: string }) =>
  a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0

/** The story's live copy, or null when a reader may see nothing of it. */
export function liveCopy(story: EditorialStory): LiveStory | null {
  const state = liveState(story)
  if (!state) return null
  const publishedAt = story.publishedAt!
  // Moves with published edits and corrections; never before the publication itself.
  const modifiedAt =
    story.updatedAt && story.updatedAt > publishedAt ? story.updatedAt : publishedAt
  const common = {
    id: story.id,
    slug: story.slug,
    headline: story.headline,
    publishedAt: iso(publishedAt),
    modifiedAt: iso(modifiedAt),
  }
  const base = {
    articleId: story.id,
    slug: story.slug,
    state,
    publishedAt,
    modifiedAt,
    language: story.language,
  }
  if (state === 'killed') {
    const data = {
      ...common,
      status: 'KILLED',
      killNotice: story.killReason,
      killedAt: iso(story.killedAt),
    }
    return { ...base, data, profiles: [], refs: [] }
  }

  const profiles = new Map<string, LiveProfile>()
  const use = (kind: ProfileKind) => (row: EditorialProfile) => {
    const live = liveProfile(kind, row)
    profiles.set(`${kind}:${row.id}`, live)
    return live.data
  }
  const many = (kind: ProfileKind, rows: EditorialProfile[]) =>
    [...rows].sort(bySlug).map(use(kind))
  const data = {
    ...common,
    status: 'PUBLISHED',
    killNotice: null,
    killedAt: null,
    summary: story.summary,
    body: { document: story.body ?? [], html: documentToHtml(story.body) },
    language: story.language,
    dateline: story.dateline,
    datelinePlace: story.datelinePlace ? use('place')(story.datelinePlace) : null,
    storyDate: story.storyDate,
    publicationNote: story.publicationNote,
    sourceCredit: story.sourceCredit,
    copyrightNotice: story.copyrightNotice,
    copyrightHolder: story.copyrightHolder ? use('organization')(story.copyrightHolder) : null,
    originalUrl: story.originalUrl,
    authors: many('person', story.authors),
    editors: many('person', story.editors),
    people: many('person', story.people),
    organizations: many('organization', story.organizations),
    sources: many('organization', story.sources),
    places: many('place', story.places),
    tags: many('tag', story.tags),
    // Targets are resolved when read: a target is shown only while it is itself live and due.
    relatedLinks: [...story.relatedLinks]
      .sort((a, b) => a.position - b.position)
      .map(link => ({
        label: link.label,
        url: link.url,
        placement: link.placement,
        afterParagraph: link.afterParagraph,
        position: link.position,
        targetId: link.targetArticleId,
      })),
    corrections: story.corrections.map(c => ({
      kind: c.kind,
      note: c.note,
      createdAt: iso(c.createdAt),
    })),
  }
  const refs = [
    ...[...profiles.values()].map(p => ({ kind: p.kind as RefKind, profileId: p.id })),
    ...[...new Set(story.authors.map(a => a.id))].map(id => ({
      kind: 'author' as const,
      profileId: id,
    })),
  ]
  return { ...base, data, profiles: [...profiles.values()], refs }
}

/**
 * Fields a story's card leaves out: the body and the long lists. Listings read cards (a fraction
 * of the bytes to read and parse); a field left out is read from the full copy when asked for.
 */
export const NOT_ON_CARD = [
  'body',
  'editors',
  'people',
  'organizations',
  'sources',
  'places',
  'relatedLinks',
  'corrections',
  'publicationNote',
] as const

/** A story's card: its data without NOT_ON_CARD, marked `card: true`. */
export function cardOf(data: Record<string, unknown>): Record<string, unknown> {
  const card: Record<string, unknown> = { ...data, card: true }
  for (const field of NOT_ON_CARD) delete card[field]
  return card
}
