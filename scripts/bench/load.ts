// One fixed-time, fixed-concurrency load run with autocannon: POSTs to the Content API's path
// with a uniformly random variable value (slug, cursor) per request, drawn from a seeded sequence
// so that Warta and the baseline get the same values in the same order. Any answer that is not `{"data":…` counts as
// an error, as do non-2xx answers, socket errors and timeouts.
import autocannon from 'autocannon'
import { rng } from './prng'
import { CONTENT_PATH, requestBody, type BenchQuery } from './queries'

export type LoadResult = {
  requests: number
  requestsPerSec: number
  latencyP50Ms: number
  latencyP99Ms: number
  latencyMaxMs: number
  non2xx: number
  errors: number
  timeouts: number
  /** 2xx answers that were not `{"data":…}` (GraphQL errors). */
  graphqlErrors: number
  /** The first bad answer seen, for the report. */
  firstBad?: string
}

export type LoadSpec = {
  url: string
  query: BenchQuery
  values: string[]
  seconds: number
  connections: number
  timeout: number
  seed: number
}

export async function load(spec: LoadSpec): Promise<LoadResult> {
  const r = rng(spec.seed)
  const body = spec.query.variable
    ? () => requestBody(spec.query, r.pick(spec.values))
    : (
        (fixed: string) => () =>
          fixed
      )(requestBody(spec.query, undefined))
  let graphqlErrors = 0
  let firstBad: string | undefined
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    timeout: spec.timeout,
    requests: [
      {
        method: 'POST',
        path: CONTENT_PATH,
        headers: { 'content-type': 'application/json' },
        setupRequest: request => ({ ...request, body: body() }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && !body.startsWith('{"data":')) {
            graphqlErrors++
            firstBad ??= body.slice(0, 500)
          } else if (status >= 300) firstBad ??= `${status}: ${body.slice(0, 500)}`
        },
      },
    ],
  })
  return {
    requests: result.requests.total,
    requestsPerSec: result.requests.total / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
    ...(firstBad !== undefined && { firstBad }),
  }
}

/** Total failed requests of a run. */
export const failures = (r: LoadResult) => r.non2xx + r.errors + r.timeouts + r.graphqlErrors
