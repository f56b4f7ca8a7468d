import type { AccessArgs } from './session'

// Foundation rules: anonymous readers get published content only; signed-in staff may do
// everything until the role rules land. Every list takes its access from here.

export function isSignedIn({ session }: AccessArgs): boolean {
  return Boolean(session?.itemId)
}

/** Articles an anonymous reader may see: published, and not scheduled for later. */
export function publishedArticle(now: Date = new Date()) {
  return { status: { equals: 'published' }, publishedAt: { lte: now.toISOString() } } as const
}

/** Staff see everything; everyone else only what `publicFilter` allows. */
export function staffOr<W>(publicFilter: () => W) {
  return ({ session }: AccessArgs): true | W => (isSignedIn({ session }) ? true : publicFilter())
}

/** A profile is public once some published article refers to it through one of `backRefs`. */
export function referencedByPublished(...backRefs: string[]) {
  return () => {
    const published = publishedArticle()
    return { OR: backRefs.map(ref => ({ [ref]: { some: published } })) }
  }
}

/** Lists that only staff may ever touch (accounts). */
export const staffOnly = isSignedIn
