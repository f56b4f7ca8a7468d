// The transition table on its own, without a database. The expectations are the workflow as
// the issue and content-model.md describe it, written out independently of the table.
import { describe, expect, it } from 'vitest'
import { roles } from '../../src/access/roles'
import { expected } from './expected'
import {
  actionNames,
  actionVerb,
  availableActions,
  judge,
  statuses,
  terminalStatuses,
  type ArticleFacts,
  type Status,
} from '../../src/workflow/transitions'

const complete = (status: Status): ArticleFacts => ({
  status,
  headline: 'Judul',
  hasBody: true,
  authorCount: 1,
})
const actorRoles = [undefined, ...roles]

describe('every status × action × role × ownership', () => {
  const cases = statuses.flatMap(status =>
    actionNames.flatMap(action =>
      actorRoles.flatMap(role =>
        [true, false].map(own => [status, action, role ?? 'anonymous', own] as const)
      )
    )
  )
  it.each(cases)('%s: %s by %s (own: %s)', (status, action, roleName, own) => {
    const role = roleName === 'anonymous' ? undefined : roleName
    const verdict = judge({ action, role, isOwn: own, article: complete(status), text: 'alasan' })
    const to = expected(action, status, role, own)
    expect(verdict).toEqual(to ? { ok: true, to } : { ok: false, reason: expect.any(String) })
  })
})

describe('required input and preconditions', () => {
  it.each([
    ['sendBack', 'in_review', 'note'],
    ['unpublish', 'published', 'reason'],
    ['kill', 'published', 'reason'],
  ] as const)('%s needs a %s', (action, status, word) => {
    for (const text of [undefined, null, '', '   ']) {
      const verdict = judge({
        action,
        role: 'editor',
        isOwn: false,
        article: complete(status),
        text,
      })
      expect(verdict).toEqual({
        ok: false,
        reason: `To ${actionVerb(action)} a story, give a ${word}`,
      })
    }
  })

  it('publish needs a headline, a body and an author, and says which are missing', () => {
    const article = { status: 'in_review' as const, headline: ' ', hasBody: false, authorCount: 0 }
    expect(judge({ action: 'publish', role: 'editor', isOwn: false, article })).toEqual({
      ok: false,
      reason: 'To publish a story it needs a headline, a body, at least one author',
    })
    expect(
      judge({
        action: 'publish',
        role: 'editor',
        isOwn: false,
        article: { ...article, headline: 'X', hasBody: true },
      })
    ).toEqual({
      ok: false,
      reason: 'To publish a story it needs at least one author',
    })
  })

  it('explains a wrong state and a missing permission differently', () => {
    expect(
      judge({ action: 'publish', role: 'editor', isOwn: false, article: complete('killed') })
    ).toEqual({
      ok: false,
      reason: 'Cannot publish a story that is killed: only from draft or in review',
    })
    expect(
      judge({ action: 'submit', role: 'reporter', isOwn: false, article: complete('draft') })
    ).toEqual({
      ok: false,
      reason: 'You may not submit this story (only on your own stories)',
    })
  })
})

describe('the shape of the workflow', () => {
  it('kill is terminal and nothing else is', () => {
    expect(terminalStatuses).toEqual(['killed'])
  })

  it('offers each role the actions it may take', () => {
    expect(availableActions('reporter', 'draft', true)).toEqual(['submit'])
    expect(availableActions('reporter', 'in_review', true)).toEqual(['retract'])
    expect(availableActions('reporter', 'published', true)).toEqual([])
    expect(availableActions('editor', 'in_review', false)).toEqual(['sendBack', 'publish'])
    expect(availableActions('editor', 'unpublished', false)).toEqual([
      'republish',
      'reopen',
      'kill',
    ])
    expect(availableActions(undefined, 'draft', true)).toEqual([])
  })
})
