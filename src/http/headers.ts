// Security headers on every response, from helmet: a Content-Security-Policy the Admin UI works
// under (checked in Chromium: test/e2e/csp.e2e.ts), frame-ancestors 'none' (no page of Warta
// may be framed: clickjacking), nosniff, Referrer-Policy: no-referrer, and HSTS when the site is
// served over HTTPS. Issue 12, §8.
import type { IncomingMessage, ServerResponse } from 'node:http'
import helmet from 'helmet'

type Next = (error?: unknown) => void
type App = {
  use(handler: (req: IncomingMessage, res: ServerResponse, next: Next) => void): unknown
}

/** Keystone's Admin UI loads its typeface (Inter) from Google Fonts. */
const GOOGLE_FONTS = { css: 'https://fonts.googleapis.com', files: 'https://fonts.gstatic.com' }

/**
 * The policy. The Admin UI is Next.js: its pages carry inline bootstrap scripts (no nonce under
 * Keystone's server) and its components inline styles, hence 'unsafe-inline' for both; nothing
 * is loaded from another origin but the Admin UI's typeface. In development Next and Apollo's sandbox (the GraphQL landing
 * page) also need eval, websockets and Apollo's CDN.
 */
export function contentSecurityPolicy(isProduction: boolean) {
  const sandbox = isProduction
    ? []
    : [
        'https://embeddable-sandbox.cdn.apollographql.com',
        'https://sandbox.embed.apollographql.com',
      ]
  return {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'base-uri': ["'self'"],
      'connect-src': ["'self'", ...(isProduction ? [] : ['ws:', 'wss:', ...sandbox])],
      'font-src': ["'self'", 'data:', GOOGLE_FONTS.files],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'frame-src': ["'self'", ...sandbox],
      'img-src': ["'self'", 'data:', 'blob:', ...sandbox],
      'manifest-src': ["'self'"],
      'object-src': ["'none'"],
      'script-src': [
        "'self'",
        "'unsafe-inline'",
        ...(isProduction ? [] : ["'unsafe-eval'", ...sandbox]),
      ],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'", GOOGLE_FONTS.css, ...sandbox],
      'worker-src': ["'self'", 'blob:'],
    },
  } as const
}

/**
 * For `server.extendExpressApp`, first, so that every response carries the headers: the API,
 * the public read path, the Admin UI and error pages alike. `https`: the site is served over
 * HTTPS (production's secure session cookie says so); a request that arrived over TLS counts too.
 */
export function securityHeaders({
  isProduction,
  https,
}: {
  isProduction: boolean
  https: boolean
}) {
  const common = helmet({
    contentSecurityPolicy: contentSecurityPolicy(isProduction),
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
  })
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60 })
  return (app: App) => {
    app.use((req, res, next) => {
      keepFrameAncestors(res)
      common(req, res, error => {
        if (error) return next(error)
        const secure = https || (req.socket as { encrypted?: boolean }).encrypted === true
        if (secure) return hsts(req, res, next)
        next()
      })
    })
  }
}

/**
 * Express's final handler (an unknown path, an error) replaces the policy with its own
 * `default-src 'none'`, which says nothing of framing: keep frame-ancestors in whatever policy
 * a later layer sets.
 */
function keepFrameAncestors(res: ServerResponse) {
  const setHeader = res.setHeader.bind(res)
  res.setHeader = (name, value) => {
    const policy = name.toLowerCase() === 'content-security-policy' && typeof value === 'string'
    return setHeader(
      name,
      policy && !value.includes('frame-ancestors') ? `${value}; frame-ancestors 'none'` : value
    )
  }
}
