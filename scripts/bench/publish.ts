// The publish scenario: a signed-in editor publishes draft stories through the staff API's
// workflow mutation (publishArticle: the action, its checks and the published store's write in
// one transaction), then unpublishes each (so the archive ends as it began), timing every
// request from the client. The archive's drafts (./archive.ts) carry a headline, body and author.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'

export type Timings = { count: number; p50Ms: number; p95Ms: number; maxMs: number }
export type PublishResult = { publish: Timings; unpublish: Timings }

export const EDITOR_EMAIL = 'bench-editor@warta.test'

/** A strong random password, for this archive's editor only. */
export const benchPassword = () => `Bench ${randomBytes(12).toString('base64url')} Redaksi`

/** Creates the editor's account in the archive (`npm run user:create`), before the server starts. */
export function createEditor(repoRoot: string, databaseUrl: string, password: string) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/create-user.ts', '--email', EDITOR_EMAIL, '--name', 'Bench Editor', '--role', 'editor'], // prettier-ignore
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production', WARTA_NEW_PASSWORD: password }, // prettier-ignore
      encoding: 'utf8',
    }
  )
  if (run.status !== 0) throw new Error(`user:create failed:\n${run.stdout}\n${run.stderr}`)
}

async function staff(url: string, body: unknown, cookie?: string) {
  const response = await fetch(`${url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  })
  return { response, json: (await response.json()) as { data?: any; errors?: unknown[] } } // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Signs the editor in; the session cookie. */
export async function signIn(url: string, password: string): Promise<string> {
  const { response, json } = await staff(url, {
    query: `mutation($email: String!, $password: String!) {
      authenticateUserWithPassword(email: $email, password: $password) { __typename }
    }`,
    variables: { email: EDITOR_EMAIL, password },
  })
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error(`the bench editor could not sign in: ${JSON.stringify(json)}`)
  return cookie
}

const ACTION = {
  publish: 'mutation($id: ID!, $version: Int!) { publishArticle(where: { id: $id }, version: $version) { status version } }',
  unpublish: 'mutation($id: ID!, $version: Int!, $text: String) { unpublishArticle(where: { id: $id }, version: $version, reason: $text) { status version } }',
} as const // prettier-ignore

function timings(ms: number[]): Timings {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  const round = (n: number) => Math.round(n * 10) / 10
  return { count: ms.length, p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(at(1)) }
}

/** Publishes then unpublishes each draft, one request at a time; throws on any failed action. */
export async function publishRuns(
  url: string,
  cookie: string,
  draftIds: string[]
): Promise<PublishResult> {
  const took = { publish: [] as number[], unpublish: [] as number[] }
  for (const id of draftIds) {
    let version = 1
    for (const action of ['publish', 'unpublish'] as const) {
      const started = performance.now()
      const { response, json } = await staff(
        url,
        { query: ACTION[action], variables: { id, version, text: 'Bench: dicabut untuk diulang' } },
        cookie
      )
      took[action].push(performance.now() - started)
      const result = json.data?.[`${action}Article`]
      if (response.status !== 200 || json.errors || !result)
        throw new Error(`${action} ${id}: ${response.status} ${JSON.stringify(json).slice(0, 500)}`)
      version = result.version
    }
  }
  return { publish: timings(took.publish), unpublish: timings(took.unpublish) }
}
