// The archive as the Content API reads it: the synthetic editorial tables (./archive.ts), then
// the published store filled by the real publisher (`npm run content:rebuild`, i.e.
// src/content/publisher.ts's rebuildStore, the one visibility rule), timed. Built archives are
// kept in a cache folder keyed by everything that shapes them (the generator, the migrations,
// the publisher), and each scenario works on a copy, so the 100k archive is built once.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { closeSync, copyFileSync, existsSync, openSync, readSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs' // prettier-ignore
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { buildArchive, type ArchiveOptions } from './archive'

/** Slugs the store serves, by what the benchmark's variables draw from. */
export type StoreSlugs = {
  stories: string[]
  person: string[]
  organization: string[]
  place: string[]
  tag: string[]
}

export type StoredArchive = {
  file: string
  databaseUrl: string
  draftIds: string[]
  slugs: StoreSlugs
  rows: Record<string, number>
  bytes: number
  migrateMs: number
  generateMs: number
  /** `npm run content:rebuild` (the publisher) on the archive, wall time. */
  rebuildMs: number
  /** Stories the rebuild stored. */
  stored: number
  /** Whether this run took the archive from the cache (the timings are from its build). */
  cached: boolean
}

/** Hash of the files whose change changes the archive or its store. */
function sourceHash(repoRoot: string): string {
  const hash = createHash('sha256')
  const files = [
    'scripts/bench/archive.ts',
    'scripts/bench/words.ts',
    'scripts/bench/prng.ts',
    // What the publisher stores (not how the Content API reads it).
    ...['editorial', 'html', 'live-copy', 'prisma-models', 'publisher', 'sql'].map(
      f => `src/content/${f}.ts`
    ),
  ]
  const migrations = path.join(repoRoot, 'migrations/sqlite')
  for (const dir of readdirSync(migrations).sort()) files.push(`migrations/sqlite/${dir}`)
  for (const file of files.sort()) {
    const full = path.join(repoRoot, file)
    hash.update(file)
    if (statSync(full).isFile()) hash.update(readFileSync(full))
  }
  return hash.digest('hex').slice(0, 16)
}

function rebuildStore(repoRoot: string, databaseUrl: string): { ms: number; stored: number } {
  const started = Date.now()
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content.ts', 'rebuild'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`content:rebuild failed:\n${run.stdout}\n${run.stderr}`)
  const stored = Number(/(\d+) stories/.exec(run.stdout)?.[1] ?? NaN)
  return { ms: Date.now() - started, stored }
}

function storeSlugs(file: string): StoreSlugs {
  const db = new Database(file, { readonly: true })
  try {
    const stories = db
      .prepare(`SELECT "slug" FROM "ContentStory" WHERE "state" = 'published' ORDER BY "slug"`)
      .pluck()
      .all() as string[]
    const of = (kind: string) =>
      db
        .prepare(`SELECT "slug" FROM "ContentProfile" WHERE "kind" = ? ORDER BY "slug"`)
        .pluck()
        .all(kind) as string[]
    return {
      stories,
      person: of('person'),
      organization: of('organization'),
      place: of('place'),
      tag: of('tag'),
    }
  } finally {
    db.close()
  }
}

/**
 * Reads the file once, so that neither server's first requests pay for the disk: the copy may
 * leave it outside the page cache, and the server loaded first would be charged for it.
 */
function prewarm(file: string) {
  const fd = openSync(file, 'r')
  const buffer = Buffer.allocUnsafe(16 * 2 ** 20)
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd)
  }
}

/** Folds the WAL into the file, so the file alone is the archive (copied per scenario). */
function checkpoint(file: string) {
  const db = new Database(file)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}

/**
 * The archive with its published store, in `dir` (a copy the caller may write to). From
 * `cacheDir` when an identical one was built before; else built there first.
 */
export function storedArchive(
  dir: string,
  repoRoot: string,
  options: Required<ArchiveOptions>,
  cacheDir: string | null,
  log: (message: string) => void
): StoredArchive {
  const name = `archive-${options.stories}-x${options.pools}-s${options.seed}-d${options.drafts}`
  const key = `${name}-${sourceHash(repoRoot)}`
  const home = cacheDir ?? dir
  mkdirSync(home, { recursive: true })
  const cachedFile = path.join(home, `${key}.db`)
  const metaFile = path.join(home, `${key}.json`)
  const cached = cacheDir !== null && existsSync(cachedFile) && existsSync(metaFile)
  if (!cached) {
    const scratch = path.join(home, `${key}.building`)
    rmSync(scratch, { recursive: true, force: true })
    mkdirSync(scratch)
    const archive = buildArchive(scratch, repoRoot, options)
    log(`archive written in ${archive.generateMs} ms (migrations ${archive.migrateMs} ms)`)
    const rebuild = rebuildStore(repoRoot, archive.databaseUrl)
    log(`published store rebuilt (content:rebuild) in ${rebuild.ms} ms: ${rebuild.stored} stories`)
    checkpoint(archive.file)
    const meta = {
      draftIds: archive.draftIds,
      rows: archive.rows,
      migrateMs: archive.migrateMs,
      generateMs: archive.generateMs,
      rebuildMs: rebuild.ms,
      stored: rebuild.stored,
    }
    renameSync(archive.file, cachedFile)
    writeFileSync(metaFile, JSON.stringify(meta))
    rmSync(scratch, { recursive: true, force: true })
  } else log(`archive from the cache: ${cachedFile}`)
  const file = path.join(dir, `${name}.db`)
  copyFileSync(cachedFile, file)
  prewarm(file)
  if (cacheDir === null) rmSync(cachedFile)
  const meta = JSON.parse(readFileSync(metaFile, 'utf8'))
  if (cacheDir === null) rmSync(metaFile)
  return {
    ...meta,
    file,
    databaseUrl: `file:${file}`,
    slugs: storeSlugs(file),
    bytes: statSync(file).size,
    cached,
  }
}

/** The default cache folder (outside the repository: archives reach 1 GB). */
export const DEFAULT_CACHE = path.join(os.tmpdir(), 'warta-bench-cache')
