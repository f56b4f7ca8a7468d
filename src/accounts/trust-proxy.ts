// TRUST_PROXY, in the terms of Express's `trust proxy` setting: which proxy's X-Forwarded-For
// names the client. Unset (the default): none, the client is the socket's address, and a
// forwarded header is ignored, so no client can pick its own address to escape throttling.

/** `false`, `true` (any proxy: only behind one that overwrites the header), a hop count, or addresses/subnets/`loopback`. */
export function parseTrustProxy(value: string): boolean | number | string {
  const text = value.trim()
  if (text === '' || text === 'false') return false
  if (text === 'true') return true
  if (/^\d+$/.test(text)) return Number(text)
  return text
}

type SettableApp = { set(setting: string, value: unknown): unknown }

/** Applies TRUST_PROXY to the Express app; a value Express cannot read stops the start. */
export function applyTrustProxy(app: SettableApp, value: string) {
  try {
    app.set('trust proxy', parseTrustProxy(value))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`TRUST_PROXY "${value}" is not usable (${reason})`)
  }
}
