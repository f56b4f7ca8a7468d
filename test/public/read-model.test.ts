// The read model's store on a real database: keep, read, expire, drop by ref, and refuse a page
// built from a read that a write overtook.
import { beforeEach, describe, expect, it } from 'vitest'
import { currentEpoch, dropPages, readPage, storePages } from '../../src/public/read-model'
import { refsOfWrite } from '../../src/public/refs'
import { testContext } from '../helpers/context'

const { context, reset } = await testContext()
const db = () => context.prisma
beforeEach(reset)

const page = (key: string, refs: string[], expiresAt: Date | null = null) => ({
  key,
  body: `{"data":"${key}"}\n`,
  refs,
  expiresAt,
})

describe('the store', () => {
  it('keeps a page and reads it back; a write to one of its refs drops it, and only it', async () => {
    const epoch = (await currentEpoch(db()))!
    expect(
      await storePages(db(), epoch, [page('story:a', ['Article:1', 'Person:7', 'Person:7'])])
    ).toBe(true)
    expect(await storePages(db(), epoch, [page('story:b', ['Article:2'])])).toBe(true)
    expect(await readPage(db(), 'story:a')).toBe('{"data":"story:a"}\n')
    await dropPages(db(), refsOfWrite('Person', [{ id: '7' }]))
    expect(await readPage(db(), 'story:a')).toBeNull()
    expect(await readPage(db(), 'story:b')).toBe('{"data":"story:b"}\n')
  })

  it('refuses a page built before a write: the epoch moved', async () => {
    const before = (await currentEpoch(db()))!
    await dropPages(db(), ['Article:1'])
    expect(await currentEpoch(db())).toBe(before + 1n)
    expect(await storePages(db(), before, [page('story:a', ['Article:1'])])).toBe(false)
    expect(await readPage(db(), 'story:a')).toBeNull()
  })

  it('an expired page is not read', async () => {
    const epoch = (await currentEpoch(db()))!
    await storePages(db(), epoch, [page('latest', ['Article:*'], new Date(Date.now() + 60_000))])
    expect(await readPage(db(), 'latest')).not.toBeNull()
    expect(await readPage(db(), 'latest', Date.now() + 61_000)).toBeNull()
  })

  it('"Article:*" pages go with any article write; links and corrections count as their story', async () => {
    const epoch = (await currentEpoch(db()))!
    await storePages(db(), epoch, [page('latest', ['Article:*', 'Person:*'])])
    await storePages(db(), epoch, [page('story:c', ['Article:3'])])
    await dropPages(db(), refsOfWrite('RelatedLink', [{ id: 'l1', articleId: '3' }]))
    expect(await readPage(db(), 'latest')).toBeNull()
    expect(await readPage(db(), 'story:c')).toBeNull()
  })
})

describe('refsOfWrite', () => {
  it('names the item and its list; links and corrections name their stories, before and after', () => {
    expect(refsOfWrite('Tag', [{ id: 't' }])).toEqual(['Tag:t', 'Tag:*'])
    expect(
      refsOfWrite('Correction', [
        { id: 'c', articleId: 'a1' },
        { id: 'c', articleId: 'a2' },
      ])
    ).toEqual(['Article:a1', 'Article:*', 'Article:a2'])
    expect(refsOfWrite('Person', [undefined, { id: 'p' }])).toEqual(['Person:p', 'Person:*'])
  })
})
