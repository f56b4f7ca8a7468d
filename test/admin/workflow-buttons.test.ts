// The story page offers a workflow button exactly where the server accepts the action: every
// role (own story or another's) × status × content (complete, no body, no author) × action.
// "Offered" is what the page shows: Keystone's per-item action mode, and for Kill the desk
// notice's own button (src/workflow/buttons.ts drives both); a disabled button carries the
// server's own refusal as its reason.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Context } from '../../generated/keystone/types'
import { actionNames, transitions, type ActionName } from '../../src/workflow/transitions'
import type { WorkflowButton } from '../../src/workflow/buttons'
import { testContext } from '../helpers/context'
import { contextFor, createStaff, statuses, type Actor, type Staff } from '../access/fixtures'
import { act } from '../workflow/act'

const META = `query ($id: ID!) {
  keystone { adminMeta { list(key: "Article", itemId: $id) {
    actions { key itemView { actionMode } } } } }
  article(where: { id: $id }) { version desk { buttons } } }`

type Content = 'complete' | 'no body' | 'no author'
const contents: Content[] = ['complete', 'no body', 'no author']
const staffActors: Actor[] = ['reporterA', 'reporterB', 'editor', 'admin']

let context: Context
let staff: Staff
let counter = 0
beforeAll(async () => {
  const test = await testContext()
  context = test.context
  await test.reset()
  staff = await createStaff(context)
})

async function story(status: (typeof statuses)[number], content: Content) {
  const created = await context.sudo().db.Article.createOne({
    data: {
      headline: `Cerita ${++counter}`,
      body:
        content === 'no body' ? [] : [{ type: 'paragraph', children: [{ text: 'Isi berita.' }] }],
      status,
      publishedAt: ['draft', 'in_review'].includes(status) ? null : '2023-07-12T00:00:00.000Z',
      ...(content !== 'no author' && {
        authors: { connect: [{ id: staff.reporterA.personId! }] },
      }),
    },
  })
  return String(created.id)
}

/** What the page shows for `action`, and the reason a disabled button gives. */
async function shown(as: Context, id: string, action: ActionName) {
  const { data, errors } = await as.graphql.raw({ query: META, variables: { id } })
  expect(errors).toBeUndefined()
  const meta = (data as any).keystone.adminMeta.list.actions as {
    key: string
    itemView: { actionMode: unknown }
  }[]
  const keystoneMode = meta.find(a => a.key === action)?.itemView.actionMode
  const desk = (data as any).article?.desk?.buttons as WorkflowButton[] | undefined
  const button = desk?.find(b => b.action === action)
  const destructive = 'destructive' in transitions[action]
  // Keystone shows every action but the destructive ones; the desk notice shows those.
  if (destructive) expect(keystoneMode).toBe('hidden')
  else expect(keystoneMode).toBe(button?.mode ?? 'hidden')
  return {
    mode: button?.mode ?? 'hidden',
    reason: button?.reason ?? null,
    version: (data as any).article?.version as number | undefined,
  }
}

describe.each(staffActors)('%s', actor => {
  describe.each(statuses)('on a %s story', status => {
    it.each(contents)(
      'with %s: each button shown exactly when the server accepts',
      async content => {
        const as = contextFor(context, staff, actor)
        for (const action of actionNames) {
          const id = await story(status, content)
          const offer = await shown(as, id, action)
          const result = await act(as, action, id, offer.version ?? 1)
          const accepted = !result.errors?.length
          expect({ action, accepted }).toEqual({ action, accepted: offer.mode === 'enabled' })
          if (offer.mode === 'disabled') {
            // The reason on the button is the server's refusal, word for word.
            expect(result.errors?.[0]?.message).toBe(offer.reason)
          }
        }
      }
    )
  })
})

it('disables Publish with the reason on a story with no body and no author', async () => {
  const id = await context.sudo().db.Article.createOne({ data: { headline: 'Kosong' } })
  const offer = await shown(contextFor(context, staff, 'editor'), String(id.id), 'publish')
  expect(offer).toMatchObject({
    mode: 'disabled',
    reason: 'To publish a story it needs a body, at least one author',
  })
})
