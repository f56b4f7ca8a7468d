// The newsdesk's one-click views of the article list, as Admin UI list URLs. Pure, so the
// URLs are unit-tested; the filter syntax is the Admin UI's own
// (`<field>_<filter type>_<JSON value>`, one `filter` parameter each, all of them ANDed).

export type SignedIn = { id: string; name: string; role: string; person: { id: string } | null }
export type NewsdeskView = { label: string; href: string }

type Filter = { field: string; type: string; value: unknown }

export function articleListHref(filters: readonly Filter[]) {
  const params = new URLSearchParams()
  for (const { field, type, value } of filters) {
    params.append('filter', `${field}_${type}_${JSON.stringify(value)}`)
  }
  // Newest first, whatever sort the person last chose.
  params.set('sortBy', '-updatedAt')
  return `/articles?${params.toString()}`
}

/** Midnight at the start of `now`'s day, in the browser's time zone. */
export function startOfDay(now: Date) {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate())
}

export function newsdeskViews(me: SignedIn, now: Date): NewsdeskView[] {
  const views: NewsdeskView[] = [
    {
      label: 'In review',
      href: articleListHref([{ field: 'status', type: 'matches', value: ['in_review'] }]),
    },
  ]
  // Drafts are "mine" through the byline; an account without one has none.
  if (me.person) {
    views.push({
      label: 'My drafts',
      href: articleListHref([
        { field: 'status', type: 'matches', value: ['draft'] },
        { field: 'authors', type: 'some', value: [me.person.id] },
      ]),
    })
  }
  views.push({
    label: 'Published today',
    href: articleListHref([
      { field: 'status', type: 'matches', value: ['published'] },
      { field: 'publishedAt', type: 'gt', value: startOfDay(now).toISOString() },
    ]),
  })
  return views
}
