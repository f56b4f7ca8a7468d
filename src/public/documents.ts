// The public read path's contract: the GraphQL documents frontends send for their pages, as
// anonymous readers. Requests carrying exactly one of these are answered from the published
// read model (./read-model.ts); any other query goes through Keystone as usual. Every list has
// an explicit order on a unique key, so each answer is fully determined.

/** Everything a story page shows. */
export const storyPage = `query StoryPage($slug: String!) {
  article(where: { slug: $slug }) {
    id headline slug summary body { document } language dateline
    datelinePlace { name slug }
    storyDate status publishedAt updatedAt killedAt killReason
    publicationNote sourceCredit copyrightNotice originalUrl
    copyrightHolder { name shortName slug }
    authors(orderBy: { slug: asc }) { name slug jobTitle }
    editors(orderBy: { slug: asc }) { name slug }
    people(orderBy: { slug: asc }) { name slug jobTitle }
    organizations(orderBy: { slug: asc }) { name shortName slug }
    places(orderBy: { slug: asc }) { name slug }
    tags(orderBy: { slug: asc }) { name slug }
    sources(orderBy: { slug: asc }) { name shortName slug }
    relatedLinks(orderBy: { position: asc }) {
      label url placement afterParagraph position
      targetArticle { headline slug }
    }
    corrections(orderBy: { createdAt: asc }) { kind note createdAt }
  }
}`

/** The front page: the latest 20 published stories with their authors. */
export const latest = `query Latest {
  articles(where: { status: { equals: "published" } }, orderBy: { publishedAt: desc }, take: 20) {
    id headline slug summary publishedAt dateline
    authors(orderBy: { slug: asc }) { name slug }
  }
}`

/** A person page: the person and the latest 20 published stories they wrote. */
export const personPage = `query PersonPage($slug: String!) {
  person(where: { slug: $slug }) {
    name slug jobTitle description
    authored(where: { status: { equals: "published" } }, orderBy: { publishedAt: desc }, take: 20) {
      headline slug summary publishedAt
    }
  }
}`
