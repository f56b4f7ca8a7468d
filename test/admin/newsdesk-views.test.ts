// The navigation's one-click article views: the URLs the Admin UI's list page reads.
import { describe, expect, it } from 'vitest'
import { newsdeskViews, startOfDay, type SignedIn } from '../../admin/newsdesk-views'

const reporter: SignedIn = { id: 'u1', name: 'R', role: 'reporter', person: { id: 'p1' } }
const filtersOf = (href: string) => new URL(href, 'http://x').searchParams.getAll('filter')

describe('newsdeskViews', () => {
  const now = new Date(2026, 10, 28, 15, 30)
  const views = newsdeskViews(reporter, now)

  it('offers in review, my drafts and published today, in that order', () => {
    expect(views.map(v => v.label)).toEqual(['In review', 'My drafts', 'Published today'])
    for (const view of views) expect(view.href.startsWith('/articles?')).toBe(true)
  })

  it("filters with the list page's own syntax", () => {
    const [inReview, mine, today] = views.map(v => filtersOf(v.href))
    expect(inReview).toEqual(['status_matches_["in_review"]'])
    expect(mine).toEqual(['status_matches_["draft"]', 'authors_some_["p1"]'])
    expect(today).toEqual([
      'status_matches_["published"]',
      `publishedAt_gt_"${new Date(2026, 10, 28).toISOString()}"`,
    ])
  })

  it('newest changes first', () => {
    for (const view of views) {
      expect(new URL(view.href, 'http://x').searchParams.get('sortBy')).toBe('-updatedAt')
    }
  })

  it('an account without a byline has no "my drafts"', () => {
    const labels = newsdeskViews({ ...reporter, person: null }, now).map(v => v.label)
    expect(labels).toEqual(['In review', 'Published today'])
  })

  it('a day starts at local midnight', () => {
    const start = startOfDay(new Date(2026, 0, 1, 0, 0, 1))
    expect([start.getHours(), start.getMinutes(), start.getDate()]).toEqual([0, 0, 1])
  })
})
