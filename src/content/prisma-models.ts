// The published store's tables (./publisher.ts writes them, ./store.ts reads them), added to
// Keystone's Prisma schema: they are not lists, so neither the staff
// GraphQL API nor the Admin UI sees them.
//
// - ContentStory: one row per story a reader may reach (state "published", scheduled ones
//   included, or "killed": then `data` holds only the kill notice). `data` is the prepared JSON
//   answer (./live-copy.ts), so a story page is one read by slug; `card` is the same without the
//   body, which listings read (a tenth of the bytes to read and parse for a typical story).
// - ContentStoryRef: one row per (published story, profile it uses), whatever the role, with the
//   story's publishedAt copied in, so "the latest 20 at a place" is one index range.
// - ContentProfile: the live copy of a person, organization, place or tag, present only while a
//   stored published story refers to it.
export const contentStorePrismaModels = `
model ContentStory {
  articleId   String   @id
  slug        String   @unique
  state       String
  publishedAt DateTime
  modifiedAt  DateTime
  language    String
  data        String
  card        String

  @@index([state, publishedAt(sort: Desc), articleId])
  @@index([state, language, publishedAt(sort: Desc), articleId])
}

model ContentStoryRef {
  storyId     String
  kind        String
  profileId   String
  publishedAt DateTime

  @@id([storyId, kind, profileId])
  @@index([kind, profileId, publishedAt(sort: Desc), storyId])
}

model ContentProfile {
  kind String
  id   String
  slug String
  data String

  @@id([kind, id])
  @@index([kind, slug])
}
`

/** For `db.extendPrismaSchema`: appends the store's models. */
export const withContentStore = (schema: string) =>
  `${schema.trimEnd()}\n${contentStorePrismaModels}`
