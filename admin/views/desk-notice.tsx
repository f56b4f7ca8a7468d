// Renders the desk notice (src/lists/article-desk.ts) as a Notice: status, last action with
// its note, and what comes next. Times in the reader's own time zone.
import { Notice } from '@keystar/ui/notice'
import { Content } from '@keystar/ui/slots'
import { Heading, Text } from '@keystar/ui/typography'
import type { controller } from '@keystone-6/core/fields/types/virtual/views'
import type { FieldProps } from '@keystone-6/core/types'
import type { DeskNotice } from '../../src/workflow/desk'

export { controller, Cell } from '@keystone-6/core/fields/types/virtual/views'

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export function Field({ value }: FieldProps<typeof controller> & { value: DeskNotice | null }) {
  if (!value || typeof value !== 'object') return null
  return (
    <section aria-label={`Status: ${value.status}`}>
      <Notice tone={value.tone}>
        <Heading>{value.status}</Heading>
        <Content>
          {value.lastAction && (
            <Text>
              {value.lastAction}
              {value.at ? `, ${when(value.at)}` : ''}
              {value.note ? ':' : '.'}
            </Text>
          )}
          {value.note && (
            <Text>
              <strong>“{value.note}”</strong>
            </Text>
          )}
          <Text>{value.next}</Text>
        </Content>
      </Notice>
    </section>
  )
}
