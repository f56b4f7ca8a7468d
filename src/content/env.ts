// The Content API's settings, from the environment (listed in docs/operations.md's configuration
// table with the others), kept beside the Content API that alone reads them.

const seconds = (value: string | undefined, fallback: number) => {
  const n = Number.parseInt(value ?? '', 10)
  return Number.isFinite(n) && n >= 0 ? n : fallback
}

export const contentEnv = {
  /** The readers' site: a story's `url` is `<PUBLIC_SITE_URL>/<slug>`. */
  publicSiteUrl: (process.env.PUBLIC_SITE_URL || 'http://localhost:3000').replace(/\/+$/, ''),
  /** How long browsers may keep an answer (Cache-Control max-age). */
  maxAge: seconds(process.env.CONTENT_MAX_AGE, 0),
  /** How long a CDN may keep an answer before asking again (s-maxage). */
  sMaxAge: seconds(process.env.CONTENT_S_MAXAGE, 60),
  /** How long a CDN may serve a stale answer while it asks again (stale-while-revalidate). */
  staleWhileRevalidate: seconds(process.env.CONTENT_STALE_WHILE_REVALIDATE, 300),
}
