// Off by default. With WARTA_SQL_COUNT=1 (set by `npm run bench`), every SQL statement SQLite
// runs for Keystone is counted through better-sqlite3's `verbose` callback, and
// GET /__warta/sql answers `{"total":N,"recent":[…]}`: the count since start and the statements
// run since the previous call (at most RECENT_MAX). The benchmark reads it before and after a
// request to count that request's statements instead of guessing them.
import { env } from '../env'

export const SQL_COUNT_PATH = '/__warta/sql'
const RECENT_MAX = 500

let total = 0
let recent: string[] = []

function record(sql: unknown) {
  total++
  if (recent.length < RECENT_MAX) recent.push(String(sql))
}

/** Extra better-sqlite3 options: the counting callback when enabled, else nothing. */
export function sqlCountOptions(): { verbose?: (sql: unknown) => void } {
  return env.sqlCount ? { verbose: record } : {}
}

// The little of Express this needs (@types/express is not installed).
type Req = { socket: { remoteAddress?: string } }
type Res = { json(body: unknown): void; status(code: number): Res; end(): void }
type App = { get(path: string, handler: (req: Req, res: Res) => void): unknown }

// The statements carry their values: never hand them to anyone but this machine.
export const isLoopback = (address: string | undefined) =>
  /^(127\.|::1$|::ffff:127\.)/.test(address ?? '')

/** Keystone's `server.extendExpressApp`: adds the read-out route when enabled. */
export function sqlCountRoute(app: App) {
  if (!env.sqlCount) return
  app.get(SQL_COUNT_PATH, (req, res) => {
    if (!isLoopback(req.socket.remoteAddress)) return res.status(404).end()
    res.json({ total, recent })
    recent = []
  })
}
