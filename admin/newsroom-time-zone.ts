// The newsroom's time zone for the Admin UI's views, from the signed-in account's
// `newsroomTimeZone` (src/lists/user-time-zone.ts): one request, then Apollo's cache.
import { gql, useQuery } from '@keystone-6/core/admin-ui/apollo'
import { DEFAULT_TIME_ZONE } from '../src/workflow/newsroom-time'

const TIME_ZONE = gql`
  query WartaTimeZone {
    authenticatedItem {
      ... on User {
        id
        newsroomTimeZone
      }
    }
  }
`

/** The IANA zone to write times in (the default until the answer arrives). */
export function useNewsroomTimeZone(): string {
  const { data } = useQuery<{ authenticatedItem: { newsroomTimeZone?: string } | null }>(
    TIME_ZONE,
    { fetchPolicy: 'cache-first' }
  )
  return data?.authenticatedItem?.newsroomTimeZone ?? DEFAULT_TIME_ZONE
}
