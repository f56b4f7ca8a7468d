// Every status × publishChanges / discardChanges × every role, on a story whose working copy has
// a saved change: the allowed ones (editors and admins, on a published story) succeed with one
// history event and one revision; the refused ones change nothing (no version, event, revision).
import { beforeAll, describe, expect, it } from 'vitest'
import { statuses } from '../../src/workflow/transitions'
import { actors, articleByA, contextFor, createStaff, roleOf, type Staff } from '../access/fixtures'
import { testContext } from '../helpers/context'
import { expected } from '../workflow/expected'
import { runAction, save } from './helpers'

const { context, reset } = await testContext()
let staff: Staff
beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
})

const admin = () => contextFor(context, staff, 'admin')

const state = async (id: string) => ({
  article: await context.sudo().query.Article.findOne({
    where: { id },
    query: 'status version headline publishedAt',
  }),
  events: await context.sudo().query.ArticleEvent.findMany({
    where: { article: { id: { equals: id } } },
    query: 'action version',
  }),
  revisions: await context.sudo().query.ArticleRevision.findMany({
    where: { article: { id: { equals: id } } },
    query: 'action version contentHash',
  }),
})

describe.each(statuses)('from %s, with a saved change', status => {
  it.each(
    (['publishChanges', 'discardChanges'] as const).flatMap(name =>
      actors.map(actor => [name, actor] as const)
    )
  )('%s by %s', async (name, actor) => {
    const id = await articleByA(context, staff, status)
    // A save of the working copy through the API (by the admin: any state but killed takes
    // one); the story was created published around the workflow, so its live copy is the
    // stored one (the baseline revision).
    if (status !== 'killed') await save(admin(), id, 'headline: "Judul baru di salinan kerja"')
    const before = await state(id)
    const version = before.article.version as number
    const errors = await runAction(contextFor(context, staff, actor), name, id, version)
    const to = expected(name, status, roleOf(actor), actor === 'reporterA', true)
    const after = await state(id)
    if (!to) {
      expect(errors?.[0]?.message).toMatch(
        /may not|Cannot|No such story|Sign in|Access denied|needs unpublished changes/
      )
      expect(after).toEqual(before)
      return
    }
    expect(errors).toBeUndefined()
    expect(after.article.version).toBe(version + 1)
    expect(after.events.filter(e => e.action === name)).toEqual([
      { action: name, version: version + 1 },
    ])
    expect(after.revisions.filter(r => r.action === name)).toHaveLength(1)
    // Discarding brings the headline back; publishing keeps it (and it is live now).
    expect(after.article.headline === 'Judul baru di salinan kerja').toBe(name === 'publishChanges')
  })
})
