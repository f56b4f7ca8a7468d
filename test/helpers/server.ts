import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { freshDatabaseUrl } from './database'
import { freePort, startNodeOptions } from '../../scripts/bench/server'
import { repoRoot } from './paths'

export type StartedServer = {
  url: string
  databaseUrl: string
  output: () => string
  stop: () => Promise<void>
}

/**
 * Starts the built Keystone server as `npm start` does (src/start.mjs and its Node options, so
 * every HTTP and browser test runs under production's heap limits; without the Admin UI unless
 * asked) as a real process on a fresh database (SQLite file or PostgreSQL database, test/helpers/database.ts)
 * unless `env.DATABASE_URL` names one, after applying the committed migrations the way
 * `npm start` does. `beforeStart` may prepare the migrated database (e.g. seed accounts).
 */
export async function startServer(
  env: Record<string, string> = {},
  {
    ui = false,
    migrate = true,
    beforeStart,
  }: {
    ui?: boolean
    /** false: the database is migrated already (e.g. by `migrateDatabase`) */
    migrate?: boolean
    beforeStart?: (databaseUrl: string) => void
  } = {}
): Promise<StartedServer> {
  const port = await freePort()
  const fullEnv = {
    ...process.env,
    DATABASE_URL: freshDatabaseUrl('http'),
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'development',
    NODE_OPTIONS: startNodeOptions(repoRoot),
    ...env,
  }
  if (migrate) await migrateDatabase(fullEnv)

  beforeStart?.(fullEnv.DATABASE_URL)

  const start = path.join(repoRoot, 'src/start.mjs')
  const child: ChildProcess = spawn(process.execPath, [start, ...(ui ? [] : ['--no-ui'])], {
    cwd: repoRoot,
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', chunk => (output += chunk))
  child.stderr!.on('data', chunk => (output += chunk))

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  while (!output.includes('Server listening')) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`)
    if (Date.now() > deadline) throw new Error(`server did not start in 60 s:\n${output}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return {
    url,
    databaseUrl: fullEnv.DATABASE_URL,
    output: () => output,
    stop: () =>
      new Promise<void>(resolve => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/**
 * `npm run migrate:deploy` on the database `env.DATABASE_URL` names. Not spawnSync: servers
 * started together migrate at the same time.
 */
export async function migrateDatabase(env: NodeJS.ProcessEnv) {
  const migrate = spawn(process.execPath, ['src/db/migrate.mjs', 'deploy'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  migrate.stdout!.on('data', chunk => (output += chunk))
  migrate.stderr!.on('data', chunk => (output += chunk))
  const status = await new Promise<number | null>(resolve => migrate.once('close', resolve))
  if (status !== 0) throw new Error(`migrate deploy failed:\n${output}`)
}

/** A GraphQL request over HTTP, as a frontend or the Admin UI sends it. */
export async function gql(
  url: string,
  query: string,
  { cookie, variables }: { cookie?: string; variables?: Record<string, unknown> } = {}
) {
  const response = await fetch(`${url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] } // eslint-disable-line @typescript-eslint/no-explicit-any
  return { status: response.status, body, setCookie: response.headers.get('set-cookie') }
}

/**
 * Signs in over HTTP and returns the session cookie (`name=value`) for `gql`'s `cookie`. Throws
 * with the server's answer when no cookie comes back, so a suite fails at its setup, not later.
 */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const { body, setCookie } = await gql(
    url,
    `mutation($e: String!, $p: String!) { authenticateUserWithPassword(email: $e, password: $p) { __typename } }`,
    { variables: { e: email, p: password } }
  )
  if (!setCookie) throw new Error(`Sign-in as ${email} failed: ${JSON.stringify(body)}`)
  return setCookie.split(';')[0]!
}

/** A Content API request over HTTP, as a readers' frontend sends it (no session). */
export async function content(
  url: string,
  query: string,
  variables?: Record<string, unknown>
): Promise<{ status: number; body: { data?: any; errors?: { message: string }[] } }> {
  // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetch(`${url}/api/content/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  })
  return { status: response.status, body: (await response.json()) as { data?: any } } // eslint-disable-line @typescript-eslint/no-explicit-any
}
