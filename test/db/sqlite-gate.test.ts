// SQLite has one connection: a statement of another request, run while a transaction is open,
// must neither read that transaction's uncommitted writes nor have its own write rolled back
// with it (src/db/sqlite-gate.ts). The same holds on PostgreSQL by its own isolation.
import { spawn } from 'node:child_process'
import { beforeEach, describe, expect, it } from 'vitest'
import { Gate } from '../../src/db/sqlite-gate'
import { testContext } from '../helpers/context'
import { onPostgres } from '../helpers/database'
import { repoRoot } from '../helpers/paths'

const { context, reset, url } = await testContext()
beforeEach(reset)

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))
const rolledBack = new Error('rolled back on purpose')

/** Opens a transaction that writes a tag, runs `meanwhile` outside it, then rolls back. */
async function whileUncommitted<T>(meanwhile: () => Promise<T>): Promise<Promise<T>> {
  let outside: Promise<T> | undefined
  const tx = context.prisma.$transaction(async tx => {
    await tx.tag.create({ data: { name: 'Belum Pasti', slug: 'belum-pasti' } })
    outside = meanwhile()
    outside.catch(() => {}) // awaited by the caller, after the rollback
    await pause(30)
    throw rolledBack
  })
  await expect(tx).rejects.toBe(rolledBack)
  return outside!
}

describe('statements outside an open transaction', () => {
  it('do not read its uncommitted writes', async () => {
    const seen = await whileUncommitted(() =>
      context.prisma.tag.findMany({ where: { slug: 'belum-pasti' } })
    )
    expect(await seen).toEqual([])
    expect(await context.prisma.tag.count()).toBe(0)
  })

  it('are not rolled back with it', async () => {
    const written = await whileUncommitted(() =>
      context.prisma.tag.create({ data: { name: 'Pasti', slug: 'pasti' } })
    )
    await written
    expect((await context.prisma.tag.findMany()).map(t => t.slug)).toEqual(['pasti'])
  })

  it('a GraphQL read during a mutation sees the story before or after it, never half', async () => {
    const db = context.sudo()
    const reads: Promise<unknown>[] = []
    const write = db.graphql.raw({
      query: `mutation { createArticle(data: { headline: "", tags: { create: [{ name: "Sisa" }] } }) { id } }`,
    })
    for (let i = 0; i < 20; i++) reads.push(db.prisma.tag.count())
    expect((await write).errors?.length).toBeGreaterThan(0)
    expect(await Promise.all(reads)).toEqual(Array(20).fill(0))
  })
})

describe('the gate', () => {
  it('lets the statements that waited run before the next transaction', async () => {
    const gate = new Gate()
    const order: string[] = []
    await gate.take()
    const statement = gate.whenFree()!.then(() => order.push('statement'))
    const next = gate.take().then(() => order.push('next transaction'))
    expect(gate.whenFree()).toBeInstanceOf(Promise)
    gate.give()
    await Promise.all([statement, next])
    expect(order).toEqual(['statement', 'next transaction'])
    gate.give()
    expect(gate.whenFree()).toBeUndefined()
  })
})

describe.skipIf(onPostgres)(
  'two processes on one SQLite file (a script next to the server)',
  () => {
    it('a write that reads first waits for the other writer instead of failing', async () => {
      // The other process takes the write lock, writes, and commits 0.6 s later.
      const file = url.replace(/^file:/, '')
      const script = `
      const db = new (require('better-sqlite3'))(${JSON.stringify(file)})
      db.exec('BEGIN IMMEDIATE')
      db.prepare('INSERT INTO "Tag" ("id", "name", "slug") VALUES (?, ?, ?)').run('anak', 'Anak', 'anak')
      console.log('locked')
      setTimeout(() => { db.exec('COMMIT'); db.close() }, 600)`
      const child = spawn(process.execPath, ['-e', script], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      await new Promise<void>(resolve =>
        child.stdout!.on('data', d => String(d).includes('locked') && resolve())
      )
      // Reads (slug, validation) before its write: a deferred transaction would then fail with
      // SQLITE_BUSY for the other's commit in between.
      const tag = await context
        .sudo()
        .query.Tag.createOne({ data: { name: 'Induk' }, query: 'slug' })
      expect(tag.slug).toBe('induk')
      expect(await context.sudo().db.Tag.count()).toBe(2)
    })
  }
)
