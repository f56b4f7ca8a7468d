// A published story's live copy is built from its live revision (src/revisions/live.ts), not from
// the editorial row, which is its working copy: saving a published story changes nothing readers
// see until publishChanges. Profiles are reference data, read as they are now by the ids the
// revision keeps (a renamed person shows the new name; a deleted one is left out). Corrections
// are public notices, read from their table: they and the live revision's time move modifiedAt.
// A story with no live revision (published around Keystone) is served from its row as before.
import { liveRevisions, type LiveRevision } from '../revisions/live'
import { SNAPSHOT_MANY, SNAPSHOT_ONE } from '../revisions/snapshot'
import { loadProfilesById, type ProfileTable } from './editorial'
import type { EditorialProfile, EditorialStory } from './live-copy'
import type { Sql } from './sql'

type Relation = keyof typeof SNAPSHOT_ONE | keyof typeof SNAPSHOT_MANY
const TABLES: Record<Relation, ProfileTable> = { ...SNAPSHOT_ONE, ...SNAPSHOT_MANY }

/** The stories with each live one's content taken from its live revision. */
export async function withLiveContent(
  db: Sql,
  stories: EditorialStory[]
): Promise<EditorialStory[]> {
  const candidates = stories.filter(s => s.status === 'published' || s.status === 'killed')
  const live = await liveRevisions(
    db,
    candidates.map(s => s.id)
  )
  if (live.size === 0) return stories
  const wanted = new Map<ProfileTable, Set<string>>()
  for (const revision of live.values()) {
    for (const [relation, ids] of Object.entries(revision.snapshot.relations)) {
      const table = TABLES[relation as Relation]
      if (!table) continue
      const set = wanted.get(table) ?? new Set<string>()
      for (const id of ids) set.add(id)
      wanted.set(table, set)
    }
  }
  const profiles = await loadProfilesById(db, wanted)
  return stories.map(story => {
    const revision = live.get(story.id)
    return revision ? overlay(story, revision, profiles) : story
  })
}

function overlay(
  story: EditorialStory,
  revision: LiveRevision,
  profiles: Map<string, EditorialProfile>
): EditorialStory {
  const { fields, relations, relatedLinks } = revision.snapshot
  const str = (v: unknown) => (v == null ? '' : String(v))
  const named = { headline: str(fields.headline), slug: str(fields.slug) || story.slug }
  // A killed story shows its notice only: the headline and address it was withdrawn under.
  if (story.status !== 'published') return { ...story, ...named }
  const pick = (relation: Relation) =>
    (relations[relation] ?? []).flatMap(id => {
      const found = profiles.get(`${TABLES[relation]}:${id}`)
      return found ? [found] : []
    })
  // modifiedAt (live-copy.ts) follows the last publication of changes and the last correction.
  const moved = [revision.at, ...story.corrections.map(c => c.createdAt)].filter(
    (d): d is Date => d instanceof Date
  )
  return {
    ...story,
    ...named,
    summary: str(fields.summary),
    body: fields.body ?? [],
    language: str(fields.language),
    dateline: str(fields.dateline),
    storyDate: fields.storyDate == null ? null : String(fields.storyDate),
    publicationNote: str(fields.publicationNote),
    sourceCredit: str(fields.sourceCredit),
    copyrightNotice: str(fields.copyrightNotice),
    originalUrl: fields.originalUrl == null ? null : String(fields.originalUrl),
    updatedAt: new Date(Math.max(...moved.map(d => d.getTime()))),
    datelinePlace: pick('datelinePlace')[0] ?? null,
    copyrightHolder: pick('copyrightHolder')[0] ?? null,
    authors: pick('authors'),
    editors: pick('editors'),
    people: pick('people'),
    organizations: pick('organizations'),
    sources: pick('sources'),
    places: pick('places'),
    tags: pick('tags'),
    relatedLinks: relatedLinks.map(l => ({
      label: l.label,
      url: l.url,
      placement: l.placement,
      afterParagraph: l.afterParagraph,
      position: l.position,
      targetArticleId: l.targetArticle,
    })),
  }
}
