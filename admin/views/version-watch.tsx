// The `version` field, shown as text (never typed), plus a watch on the server's copy: when someone else saves the story
// while it is open here, a notice says so before this page's save is refused as stale.
// Keystone's own save error is a toast with the message behind "Details"; this comes first.
// It also catches the Admin UI showing a story from its cache after someone else changed it.
import { useEffect, useState } from 'react'
import { Button } from '@keystar/ui/button'
import { VStack } from '@keystar/ui/layout'
import { Notice } from '@keystar/ui/notice'
import { Content } from '@keystar/ui/slots'
import { Heading, Text } from '@keystar/ui/typography'
import { gql, useApolloClient } from '@keystone-6/core/admin-ui/apollo'
import { controller } from '@keystone-6/core/fields/types/integer/views'
import type { FieldProps } from '@keystone-6/core/types'
import { newsroomTime } from '../../src/workflow/newsroom-time'

export { controller }

// No `id` selected and no cache: the item page's own cached copy must keep the version it
// loaded, or the next save would silently carry the newer one and overwrite those changes.
const CURRENT = gql`
  query WartaCurrentVersion($id: ID!) {
    article(where: { id: $id }) {
      version
      updatedAt
      lastEditedBy {
        name
      }
      desk {
        timeZone
      }
    }
  }
`
const WATCH_EVERY_MS = 10_000

type Current = {
  version: number
  updatedAt: string | null
  lastEditedBy: { name: string } | null
  desk: { timeZone: string } | null
}

function useServerCopy(loaded: number | null) {
  const client = useApolloClient()
  const [current, setCurrent] = useState<Current | null>(null)
  useEffect(() => {
    const id = decodeURIComponent(window.location.pathname.split('/').pop() ?? '')
    if (loaded === null || !id) return
    let live = true
    const check = async () => {
      const { data } = await client
        .query<{ article: Current | null }>({
          query: CURRENT,
          variables: { id },
          fetchPolicy: 'no-cache',
        })
        .catch(() => ({ data: undefined }))
      if (live && data?.article) setCurrent(data.article)
    }
    const timer = setInterval(check, WATCH_EVERY_MS)
    window.addEventListener('focus', check)
    void check()
    return () => {
      live = false
      clearInterval(timer)
      window.removeEventListener('focus', check)
    }
  }, [client, loaded])
  return current
}

export function Field(props: FieldProps<typeof controller>) {
  const loaded = props.value.kind === 'update' ? (props.value.initial ?? null) : null
  const current = useServerCopy(loaded)
  const stale = loaded !== null && current !== null && current.version > loaded
  return (
    <VStack gap="medium">
      {/* Never typed: the form sends the version it loaded, and the page says which. */}
      {loaded !== null && (
        <Text size="small" aria-label="Version">
          <strong>Version:</strong> {loaded}
        </Text>
      )}
      {stale && (
        <section aria-label="Changed elsewhere">
          <Notice tone="caution">
            <Heading>Changed since you opened it</Heading>
            <Content>
              <Text>
                {current.lastEditedBy ? `${current.lastEditedBy.name} saved` : 'Someone saved'} this
                story
                {current.updatedAt
                  ? ` at ${newsroomTime(current.updatedAt, current.desk?.timeZone)}`
                  : ''}
                : it is now at version {current.version}, and you have version {loaded}.
              </Text>
              <Text>
                Your save would be refused. Copy what you changed, reload, and apply it again.
              </Text>
              <Button onPress={() => window.location.reload()}>Reload the story</Button>
            </Content>
          </Notice>
        </section>
      )}
    </VStack>
  )
}
