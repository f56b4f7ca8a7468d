// The Content API's schema, as SDL: what frontends may ask (docs/content-api.md). Resolvers are in
// ./schema.ts; every type here is read from the published store alone.
export const typeDefs = /* GraphQL */ `
  """
  An ISO 8601 date and time in UTC, e.g. 2023-07-12T00:00:00.000Z.
  """
  scalar DateTime
  """
  Any JSON value (a story body's document: Keystone's document JSON).
  """
  scalar JSON

  type Query {
    """
    A story by its slug: published (and due), or killed (then only its kill notice).
    """
    story(slug: String!): Story
    """
    Published stories, newest first, matching every filter given. first: 0 to 100 (default 20).
    """
    stories(first: Int = 20, after: String, filter: StoryFilter): StoryConnection!
    person(slug: String!): Person
    organization(slug: String!): Organization
    place(slug: String!): Place
    tag(slug: String!): Tag
  }

  input StoryFilter {
    """
    A person's slug: stories in their byline.
    """
    author: String
    tag: String
    person: String
    organization: String
    place: String
    language: String
    """
    Strictly after this time.
    """
    publishedAfter: DateTime
    """
    Strictly before this time.
    """
    publishedBefore: DateTime
  }

  enum StoryStatus {
    PUBLISHED
    KILLED
  }

  type Story {
    id: ID!
    slug: String!
    """
    The story on the readers' site (PUBLIC_SITE_URL).
    """
    url: String!
    status: StoryStatus!
    headline: String!
    publishedAt: DateTime!
    """
    Moves with corrections and published changes.
    """
    modifiedAt: DateTime!
    """
    Killed stories only: the notice readers see instead of the story.
    """
    killNotice: String
    killedAt: DateTime
    summary: String
    body: StoryBody
    language: String
    dateline: String
    datelinePlace: Place
    storyDate: String
    publicationNote: String
    sourceCredit: String
    copyrightNotice: String
    copyrightHolder: Organization
    originalUrl: String
    authors: [Person!]
    editors: [Person!]
    people: [Person!]
    organizations: [Organization!]
    sources: [Organization!]
    places: [Place!]
    tags: [Tag!]
    relatedLinks: [RelatedLink!]
    """
    In the order they were made.
    """
    corrections: [Correction!]
  }

  type StoryBody {
    document: JSON!
    """
    Rendered from the document: escaped text, http(s) and mailto links only.
    """
    html: String!
  }

  """
  A read-also line: a URL, or a Warta story (null while that story is not published).
  """
  type RelatedLink {
    label: String!
    url: String
    placement: String!
    afterParagraph: Int
    position: Int!
    target: Story
  }

  type Correction {
    kind: String!
    note: String!
    createdAt: DateTime
  }

  enum PersonRole {
    """
    Author, editor or mentioned.
    """
    ANY
    """
    In the byline.
    """
    AUTHOR
  }

  type StoryConnection {
    edges: [StoryEdge!]!
    nodes: [Story!]!
    pageInfo: PageInfo!
  }

  type StoryEdge {
    cursor: String!
    node: Story!
  }

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type Person {
    id: ID!
    slug: String!
    name: String!
    jobTitle: String
    description: String
    """
    Newest first: any story naming them (ANY), or only those they wrote (AUTHOR).
    """
    stories(first: Int = 20, after: String, role: PersonRole = ANY): StoryConnection!
  }

  type Organization {
    id: ID!
    slug: String!
    name: String!
    shortName: String
    kind: String
    description: String
    url: String
    stories(first: Int = 20, after: String): StoryConnection!
  }

  type Place {
    id: ID!
    slug: String!
    name: String!
    alternateName: String
    kind: String
    countryCode: String
    stories(first: Int = 20, after: String): StoryConnection!
  }

  type Tag {
    id: ID!
    slug: String!
    name: String!
    stories(first: Int = 20, after: String): StoryConnection!
  }
`
