// Starting the two servers as real processes, timing the cold start (spawn to the first Content
// API answer) and sampling their memory (RSS of the process and its children, from /proc).
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { CONTENT_PATH } from './queries'

export type Started = {
  name: string
  url: string
  pid: number
  coldStartMs: number
  output: () => string
  /** Peak RSS (MiB) of the process tree seen by the sampler since the last reset. */
  peakRssMiB: () => number
  resetPeak: () => void
  /** VmHWM (MiB): the main process's RSS high-water mark over its whole life. */
  hwmMiB: () => number
  stop: () => Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(text.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0)
    return kb / 1024
  } catch {
    return 0 // the process is gone
  }
}

/** Child processes, whichever thread spawned them. */
function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap(task => {
      const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim()
      return list ? list.split(/\s+/).map(Number) : []
    })
  } catch {
    return [] // the process is gone
  }
}

/** RSS of a process and all its descendants, in MiB. */
export function treeRssMiB(pid: number): number {
  return status(pid, 'VmRSS') + children(pid).reduce((sum, c) => sum + treeRssMiB(c), 0)
}

/** CPU time (ms) the process has used so far. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime + stime, 100 Hz ticks
  } catch {
    return 0
  }
}

/**
 * Waits until the server has stopped working off requests a finished run left behind (it used
 * under 5% of a CPU for 500 ms), so they do not eat into the next run; at most `maxMs`.
 */
export async function waitIdle(pid: number, maxMs = 120_000): Promise<number> {
  const started = Date.now()
  let last = cpuMs(pid)
  while (Date.now() - started < maxMs) {
    await new Promise(resolve => setTimeout(resolve, 500))
    const now = cpuMs(pid)
    if (now - last < 25) break
    last = now
  }
  return Date.now() - started
}

export type Launch = {
  name: string
  /** Program and arguments after `node`. */
  args: string[]
  env: Record<string, string>
  cwd: string
  port: number
  /** CPU list for `taskset -c`, or null to leave the process unpinned. */
  cpus: string | null
}

/** Spawns the server and waits for its first successful Content API answer (`{ __typename }`). */
export async function launch(spec: Launch): Promise<Started> {
  const started = performance.now()
  const [command, args] = spec.cpus
    ? ['taskset', ['-c', spec.cpus, process.execPath, ...spec.args]]
    : [process.execPath, spec.args]
  // taskset execs node in place, so the pid is the server's.
  const child: ChildProcess = spawn(command, args as string[], {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env, PORT: String(spec.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', chunk => (output += chunk))
  child.stderr!.on('data', chunk => (output += chunk))
  const url = `http://127.0.0.1:${spec.port}`
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${spec.name} exited (${child.exitCode}):\n${output}`)
    if (Date.now() > deadline) throw new Error(`${spec.name}: no answer in 120 s:\n${output}`)
    if (await answers(url)) break
    await new Promise(resolve => setTimeout(resolve, 5))
  }
  const coldStartMs = performance.now() - started
  // The Content API answers before the rest of Warta has loaded (src/start.mjs): the counter
  // route and the staff API answer 503 until then.
  while (await starting(url)) {
    if (Date.now() > deadline) throw new Error(`${spec.name}: not ready in 120 s:\n${output}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }

  let peak = 0
  const sample = () => (peak = Math.max(peak, treeRssMiB(child.pid!)))
  sample()
  const sampler = setInterval(sample, 50)
  return {
    name: spec.name,
    url,
    pid: child.pid!,
    coldStartMs,
    output: () => output,
    peakRssMiB: () => (sample(), peak),
    resetPeak: () => (peak = 0),
    hwmMiB: () => status(child.pid!, 'VmHWM'),
    stop: () =>
      new Promise<void>(resolve => {
        clearInterval(sampler)
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** Whether the server still answers 503 (starting) on a path other than the Content API. */
async function starting(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/graphql`, { method: 'GET' })
    await response.arrayBuffer()
    return response.status === 503
  } catch {
    return true
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}${CONTENT_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    })
    return response.ok && ((await response.json()) as { data?: unknown }).data !== undefined
  } catch {
    return false // not listening yet
  }
}

/**
 * The Node options `npm start` gives the server (package.json's start script sets
 * NODE_OPTIONS="… $NODE_OPTIONS"): read from there, so the benchmark measures what production
 * runs. Anything already in NODE_OPTIONS comes after them and wins, as with `npm start`.
 */
export function startNodeOptions(repoRoot: string): string {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'))
  const match = /NODE_OPTIONS=\\?"([^"$\\]*)\$NODE_OPTIONS\\?"/.exec(pkg.scripts.start)
  if (!match)
    throw new Error('package.json: the start script no longer sets NODE_OPTIONS="… $NODE_OPTIONS"')
  return `${match[1]}${process.env.NODE_OPTIONS ?? ''}`.trim()
}

/** The production server, launched as `npm start` launches it (src/start.mjs, its Node options). */
export function keystoneLaunch(repoRoot: string, databaseUrl: string, ui: boolean) {
  return {
    args: [path.join(repoRoot, 'src/start.mjs'), ...(ui ? [] : ['--no-ui'])],
    env: {
      NODE_OPTIONS: startNodeOptions(repoRoot),
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      SESSION_SECRET: 'bench-only-session-secret-of-at-least-32-characters',
      WARTA_SQL_COUNT: '1',
      KEYSTONE_TELEMETRY_DISABLED: '1',
      CHECKPOINT_DISABLE: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  }
}

export function baselineLaunch(repoRoot: string, file: string) {
  return {
    args: ['--import', 'tsx', path.join(repoRoot, 'scripts/bench/baseline.ts')],
    env: { BENCH_DB: file, NODE_ENV: 'production' },
  }
}
