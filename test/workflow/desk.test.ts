// The desk notice on its own: what a story's page says about where the story stands.
import { describe, expect, it } from 'vitest'
import { deskNotice } from '../../src/workflow/desk'

const at = '2026-11-28T01:02:00.000Z'

describe('deskNotice', () => {
  it('a new draft: no last action, the next step for authors, neutral', () => {
    expect(deskNotice('draft', null)).toEqual({
      tone: 'neutral',
      status: 'Draft',
      lastAction: null,
      at: null,
      note: null,
      next: 'Being written. Authors edit it and submit it for review.',
      changes: null,
    })
  })

  it('a published story with unpublished changes says since when, by whom, and what', () => {
    const notice = deskNotice(
      'published',
      { action: 'publish', actorName: 'A', at, note: null },
      {
        since: '2026-11-28T02:00:00Z',
        by: 'Arie Novarina',
        what: 'headline; body: 1 paragraph changed',
      }
    )
    expect(notice).toMatchObject({
      tone: 'caution',
      status: 'Published — unpublished changes since 28 Nov 2026, 09:00 WIB by Arie Novarina',
      changes: 'headline; body: 1 paragraph changed',
    })
    // The same changes mean nothing once the story is no longer published.
    expect(deskNotice('unpublished', null, { since: at, by: 'A', what: 'x' })).toMatchObject({
      status: 'Unpublished',
      changes: null,
    })
  })

  it("a story sent back shows the editor's name and note, and asks for attention", () => {
    const notice = deskNotice('draft', {
      action: 'sendBack',
      actorName: 'Arie Novarina',
      at,
      note: '  Tambahkan data dari Bulog ',
    })
    expect(notice).toMatchObject({
      tone: 'caution',
      lastAction: 'Sent back by Arie Novarina',
      at,
      note: 'Tambahkan data dari Bulog',
    })
  })

  it('published is positive, killed is critical with its reason', () => {
    expect(
      deskNotice('published', { action: 'publish', actorName: 'A', at, note: null }).tone
    ).toBe('positive')
    const killed = deskNotice('killed', {
      action: 'kill',
      actorName: 'A',
      at,
      note: 'Sumber menarik pernyataan',
    })
    expect(killed).toMatchObject({
      tone: 'critical',
      status: 'Killed',
      lastAction: 'Killed by A',
      note: 'Sumber menarik pernyataan',
    })
  })

  it('an unpublished story needs attention; a blank note counts as none', () => {
    const notice = deskNotice('unpublished', {
      action: 'unpublish',
      actorName: null,
      at,
      note: '   ',
    })
    expect(notice).toMatchObject({
      tone: 'caution',
      lastAction: 'Unpublished by a former account',
      note: null,
    })
  })
})
