// Command-line flags (--name=value) with BENCH_* environment variables as fallbacks.
import { DEFAULT_CACHE } from './archive-store'
import { QUERY_NAMES, type QueryName } from './queries'

export type Options = {
  /** Archive sizes to run, e.g. [1000, 100000]. */
  stories: number[]
  /** Pool multipliers to run, e.g. [1, 10]. */
  pools: number[]
  seconds: number
  warmupSeconds: number
  connections: number
  /** Seconds before autocannon gives up on one request (counted as a failure). */
  timeout: number
  seed: number
  /** Random slugs compared byte for byte (and SQL-counted) per query before the load. */
  check: number
  queries: QueryName[]
  /** Start Keystone with the Admin UI: yes, no, or auto (when it has been built). */
  ui: 'yes' | 'no' | 'auto'
  /** Pin servers to CPU 0 and the load generator to CPU 1 (auto: when taskset and 2 CPUs). */
  pin: 'yes' | 'no' | 'auto'
  /** Draft stories the publish scenario publishes and unpublishes, one at a time. */
  publishes: number
  /** Folder keeping built archives between runs, or null (`--cache=no`): build each time. */
  cache: string | null
  out: string
  smoke: boolean
}

export const USAGE = `npm run bench -- [--stories=1000[,100000]] [--pools=1[,10]] [--seconds=10]
  [--warmup=2] [--connections=10] [--timeout=30] [--seed=1] [--check=20] [--queries=story,front,…]
  [--publishes=30] [--cache=<dir>|no] [--ui=auto|yes|no] [--pin=auto|yes|no] [--out=bench-results] [--smoke]
Queries: ${QUERY_NAMES.join(', ')} (default: all).
Each flag may also be given as BENCH_<NAME> (e.g. BENCH_STORIES=100000). --smoke: 50 stories,
1 s per run, concurrency 4, 3 publishes, no cache (for CI; fails on errors or mismatched
answers, never on timings).`

const SMOKE = {
  stories: '50',
  pools: '1',
  seconds: '1',
  warmup: '0',
  connections: '4',
  check: '5',
  publishes: '3',
  cache: 'no',
}

export function parseOptions(argv: string[], env = process.env): Options {
  const flags = new Map<string, string>()
  for (const arg of argv) {
    const match = arg.match(/^--([a-z]+)(?:=(.*))?$/)
    if (!match) throw new Error(`unknown argument ${arg}\n${USAGE}`)
    flags.set(match[1]!, match[2] ?? 'true')
  }
  const smoke = (flags.get('smoke') ?? env.BENCH_SMOKE) === 'true'
  const get = (name: string, fallback: string) =>
    flags.get(name) ??
    env[`BENCH_${name.toUpperCase()}`] ??
    (smoke ? SMOKE[name as keyof typeof SMOKE] : undefined) ??
    fallback
  const positive = (name: string, fallback: string) => {
    const value = Number(get(name, fallback))
    if (!(value > 0)) throw new Error(`--${name} must be a positive number\n${USAGE}`)
    return value
  }
  const list = (name: string, fallback: string) =>
    get(name, fallback)
      .split(',')
      .map(v => {
        const n = Number(v)
        if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name}: "${v}" is not a count`)
        return n
      })
  const choice = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const value = get(name, fallback) as T
    if (!values.includes(value)) throw new Error(`--${name} must be one of ${values.join(', ')}`)
    return value
  }
  const queries = get('queries', QUERY_NAMES.join(',')).split(',') as QueryName[]
  for (const q of queries) if (!QUERY_NAMES.includes(q)) throw new Error(`unknown query ${q}`)
  for (const name of flags.keys())
    if (
      !/^(stories|pools|seconds|warmup|connections|timeout|seed|check|queries|ui|pin|publishes|cache|out|smoke|help)$/.test(
        name
      )
    )
      throw new Error(`unknown flag --${name}\n${USAGE}`)
  return {
    stories: list('stories', '1000'),
    pools: list('pools', '1'),
    seconds: positive('seconds', '10'),
    warmupSeconds: Number(get('warmup', '2')),
    connections: positive('connections', '10'),
    timeout: positive('timeout', '30'),
    seed: positive('seed', '1'),
    check: positive('check', '20'),
    queries,
    ui: choice('ui', ['yes', 'no', 'auto'] as const, 'auto'),
    pin: choice('pin', ['yes', 'no', 'auto'] as const, 'auto'),
    publishes: positive('publishes', '30'),
    cache: get('cache', DEFAULT_CACHE) === 'no' ? null : get('cache', DEFAULT_CACHE),
    out: get('out', 'bench-results'),
    smoke,
  }
}
