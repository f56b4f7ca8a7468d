// The version claim and the content it stamps are one transaction: when anything after the
// claim fails (here a hook that throws for a marker headline or note), the story keeps its
// version and its content, through GraphQL, through context.db (scripts) and through actions.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { getContext } from '@keystone-6/core/context'
import { beforeAll, describe, expect, it } from 'vitest'
import * as PrismaModule from '../../generated/prisma/client'
import type { Context } from '../../generated/keystone/types'
import { articleByA, contextFor, createStaff, type Staff } from '../access/fixtures'
import { failureOf, testContext } from '../helpers/context'
import { repoRoot } from '../helpers/paths'
import { act } from '../workflow/act'
import { gql, INTERNAL } from './writes'

const MARKER = 'GAGAL'
const { reset } = await testContext()
const { default: config } = await import('../../keystone')

type Hook = (args: { item?: Record<string, unknown> }) => Promise<void> | void
/** The list config with an afterOperation that fails for the marker, after the list's own. */
function failingAfter(listKey: 'Article' | 'ArticleEvent', field: string) {
  const list = config.lists[listKey] as { hooks?: { afterOperation?: unknown } }
  const own = list.hooks?.afterOperation as Hook | undefined
  const afterOperation: Hook = async args => {
    await own?.(args)
    if (args.item?.[field] === MARKER) throw new Error('The page store failed after the claim')
  }
  return { ...list, hooks: { ...list.hooks, afterOperation } }
}

let context: Context
let staff: Staff
const story = async (id: string) =>
  context.sudo().query.Article.findOne({ where: { id }, query: 'version headline status' })

beforeAll(async () => {
  await reset()
  const lists = {
    ...config.lists,
    Article: failingAfter('Article', 'headline'),
    ArticleEvent: failingAfter('ArticleEvent', 'note'),
  }
  const failing = { ...config, lists } as unknown as typeof config
  context = getContext(failing, PrismaModule) as unknown as Context
  staff = await createStaff(context)
})

describe('a failure after the version claim', () => {
  it('through GraphQL: the story keeps its version and content', async () => {
    const id = await articleByA(context, staff, 'draft')
    const before = await story(id)
    const { errors } = await gql(
      contextFor(context, staff, 'reporterA'),
      `mutation($id: ID!) { updateArticle(where: { id: $id }, data: { version: 1, headline: "${MARKER}" }) { id } }`,
      { id }
    )
    expect(errors?.[0]?.message).toMatch(/afterOperation/)
    expect(errors?.[0]?.message).not.toMatch(INTERNAL)
    expect(await story(id)).toEqual(before)
    // The version was not spent: a save from it still goes through.
    const saved = await contextFor(context, staff, 'reporterA').query.Article.updateOne({
      where: { id },
      data: { version: 1, headline: 'Judul baru' },
      query: 'version headline',
    })
    expect(saved).toEqual({ version: 2, headline: 'Judul baru' })
  })

  it('through context.db, as scripts write', async () => {
    const id = await articleByA(context, staff, 'draft')
    const before = await story(id)
    await failureOf(() =>
      context.sudo().db.Article.updateOne({ where: { id }, data: { version: 1, headline: MARKER } })
    )
    expect(await story(id)).toEqual(before)
  })

  it('a many-item update: the first item’s claim is undone with the second’s failure', async () => {
    const [a, b] = [
      await articleByA(context, staff, 'draft'),
      await articleByA(context, staff, 'draft'),
    ]
    const before = [await story(a), await story(b)]
    await failureOf(() =>
      context.sudo().db.Article.updateMany({
        data: [
          { where: { id: a }, data: { version: 1, summary: 'Baik' } },
          { where: { id: b }, data: { version: 1, headline: MARKER } },
        ],
      })
    )
    expect([await story(a), await story(b)]).toEqual(before)
  })

  it('through a workflow action: status, version and history stay', async () => {
    const id = await articleByA(context, staff, 'in_review')
    const before = await story(id)
    const events = await context.sudo().db.ArticleEvent.count()
    const { errors } = await act(contextFor(context, staff, 'editor'), 'sendBack', id, 1, MARKER)
    expect(errors?.length).toBeGreaterThan(0)
    expect(await story(id)).toEqual(before)
    expect(await context.sudo().db.ArticleEvent.count()).toBe(events)
  })

  it('a writer killed with SIGKILL between the claim and the content write leaves no trace', async () => {
    const id = await articleByA(context, staff, 'draft')
    const before = await story(id)
    const tsx = path.join(repoRoot, 'node_modules/.bin/tsx')
    const child = spawn(tsx, [path.join(repoRoot, 'test/lists/crash-writer.ts'), id, '1'], {
      cwd: repoRoot,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stderr!.on('data', chunk => (output += chunk))
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', chunk => {
        output += chunk
        if (output.includes('claimed')) resolve()
      })
      child.once('exit', code => reject(new Error(`the writer exited (${code}): ${output}`)))
    })
    const exited = new Promise(resolve => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
    expect(await story(id)).toEqual(before)
  }, 60_000)
})
