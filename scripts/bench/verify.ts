// Checks before the load: Warta's Content API and the baseline answer byte-identical JSON, and
// how many SQL statements each request runs (read from the servers' /__warta/sql counters around
// one request at a time, so nothing else runs in between).
import { rng } from './prng'
import { CONTENT_PATH, requestBody, type BenchQuery } from './queries'

export async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${url}${CONTENT_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
  return { status: response.status, text: await response.text() }
}

/** Where two answers first differ, with some context. */
function difference(a: string, b: string): string {
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 80), i + 80))
  return `first difference at byte ${i} (lengths ${a.length} / ${b.length}):\n  keystone: ${around(a)}\n  baseline: ${around(b)}`
}

/** `{"data":{"field":<not null>}}`: the story or profile exists and is visible. */
function hasData(text: string): boolean {
  try {
    const { data } = JSON.parse(text) as { data?: Record<string, unknown> }
    return Boolean(data && Object.values(data).every(value => value !== null))
  } catch {
    return false
  }
}

/** The variables used for checks: `count` random values (or one request without variables). */
export function sampleValues(query: BenchQuery, values: string[], count: number, seed: number) {
  if (!query.variable) return [undefined]
  const r = rng(seed)
  return Array.from({ length: count }, () => r.pick(values))
}

/** Throws with a diff unless both give the same bytes, a 200 and non-null data; the answers' mean size. */
export async function compareAnswers(
  keystoneUrl: string,
  baselineUrl: string,
  query: BenchQuery,
  variables: (string | undefined)[]
): Promise<{ count: number; meanBytes: number }> {
  let bytes = 0
  for (const slug of variables) {
    const body = requestBody(query, slug)
    const [k, b] = [await post(keystoneUrl, body), await post(baselineUrl, body)]
    const what = `${query.name}${slug ? ` (${slug})` : ''}`
    if (k.status !== 200 || !hasData(k.text))
      throw new Error(`Warta gave no data for ${what}: ${k.status} ${k.text.slice(0, 500)}`)
    if (k.text !== b.text || b.status !== 200)
      throw new Error(`answers differ for ${what}: ${difference(k.text, b.text)}`)
    bytes += Buffer.byteLength(k.text)
  }
  return { count: variables.length, meanBytes: bytes / variables.length }
}

export type SqlCount = { min: number; max: number; mean: number; sample: string[] }

type Counter = { total: number; recent: string[] }
async function counter(url: string): Promise<Counter> {
  const response = await fetch(`${url}/__warta/sql`)
  if (!response.ok)
    throw new Error(
      `${url}/__warta/sql answered ${response.status}: is the build older than the SQL counter (npm run build)?`
    )
  return (await response.json()) as Counter
}

/** SQL statements per request, one request at a time; `sample` is the first request's SQL. */
export async function countStatements(
  url: string,
  query: BenchQuery,
  variables: (string | undefined)[]
): Promise<SqlCount> {
  const counts: number[] = []
  let sample: string[] = []
  for (const slug of variables) {
    const before = await counter(url)
    await post(url, requestBody(query, slug))
    const after = await counter(url)
    counts.push(after.total - before.total)
    if (counts.length === 1) sample = after.recent
  }
  const mean = counts.reduce((a, b) => a + b, 0) / counts.length
  return { min: Math.min(...counts), max: Math.max(...counts), mean, sample }
}
