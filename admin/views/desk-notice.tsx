// Renders the desk notice (src/lists/article-desk.ts) as a Notice: status, last action with its
// note, what comes next, why a workflow button is disabled, and the destructive actions (Kill)
// that Keystone's action dialog cannot style as dangerous nor hold until a reason is typed.
// Times in the newsroom's time zone (src/workflow/newsroom-time.ts).
import { useState } from 'react'
import { Button, ButtonGroup } from '@keystar/ui/button'
import { AlertDialog, DialogContainer } from '@keystar/ui/dialog'
import { HStack, VStack } from '@keystar/ui/layout'
import { Notice } from '@keystar/ui/notice'
import { Content } from '@keystar/ui/slots'
import { TextArea } from '@keystar/ui/text-field'
import { Heading, Text } from '@keystar/ui/typography'
import { gql, useApolloClient } from '@keystone-6/core/admin-ui/apollo'
import type { controller } from '@keystone-6/core/fields/types/virtual/views'
import type { FieldProps } from '@keystone-6/core/types'
import type { DeskView } from '../../src/lists/article-desk'
import type { WorkflowButton } from '../../src/workflow/buttons'
import { newsroomTime } from '../../src/workflow/newsroom-time'

export { controller, Cell } from '@keystone-6/core/fields/types/virtual/views'

export function Field({ value }: FieldProps<typeof controller> & { value: DeskView | null }) {
  if (!value || typeof value !== 'object') return null
  const buttons = (value.buttons ?? []) as WorkflowButton[]
  const blocked = buttons.filter(b => b.mode === 'disabled' && !b.destructive)
  const dangerous = buttons.filter(b => b.destructive && b.mode !== 'hidden')
  return (
    <section aria-label={`Status: ${value.status}`}>
      <Notice tone={value.tone}>
        <Heading>{value.status}</Heading>
        <Content>
          {value.lastAction && (
            <Text>
              {value.lastAction}
              {value.at ? `, ${newsroomTime(value.at, value.timeZone)}` : ''}
              {value.note ? ':' : '.'}
            </Text>
          )}
          {value.note && (
            <Text>
              <strong>“{value.note}”</strong>
            </Text>
          )}
          <Text>{value.next}</Text>
          {blocked.map(b => (
            <Text key={b.action} aria-label={`Why ${b.label} is unavailable`}>
              <strong>{b.label}</strong> is unavailable. {b.reason}.
            </Text>
          ))}
          {dangerous.length > 0 && (
            <HStack gap="regular">
              {dangerous.map(b => (
                <DestructiveAction key={b.action} button={b} version={value.version} />
              ))}
            </HStack>
          )}
        </Content>
      </Notice>
    </section>
  )
}

const itemId = () => decodeURIComponent(window.location.pathname.split('/').pop() ?? '')

/** A destructive workflow action: a critical button, and a dialog that waits for the reason. */
function DestructiveAction({ button, version }: { button: WorkflowButton; version: number }) {
  const client = useApolloClient()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [refused, setRefused] = useState<string | null>(null)
  const given = text.trim() !== ''
  const confirm = async () => {
    const arg = button.requires ?? 'reason'
    const mutation = gql`
      mutation WartaDestructive($id: ID!, $version: Int!, $text: String) {
        result: ${button.action}Article(where: { id: $id }, version: $version, ${arg}: $text) { id }
      }`
    try {
      await client.mutate({ mutation, variables: { id: itemId(), version, text } })
      window.location.reload()
    } catch (error) {
      // The server's refusal, in its words (never a stack: src/errors.ts formats them).
      setRefused((error as Error).message)
    }
  }
  return (
    <VStack gap="regular">
      <ButtonGroup>
        <Button
          tone="critical"
          prominence="high"
          isDisabled={button.mode !== 'enabled'}
          onPress={() => setOpen(true)}
        >
          {`${button.label} story`}
        </Button>
      </ButtonGroup>
      {button.mode === 'disabled' && <Text>{button.reason}.</Text>}
      {refused && (
        <Text role="alert" color="critical">
          {refused}
        </Text>
      )}
      <DialogContainer onDismiss={() => setOpen(false)}>
        {open && (
          <AlertDialog
            tone="critical"
            title={`${button.label} this story?`}
            cancelLabel="Cancel"
            primaryActionLabel={`${button.label} story`}
            isPrimaryActionDisabled={!given}
            onPrimaryAction={confirm}
          >
            <VStack gap="large">
              <Text>
                This cannot be undone: readers will see only the notice below instead of the story,
                and nobody can edit or republish it.
              </Text>
              <TextArea
                label="Kill notice (shown to readers)"
                isRequired
                autoFocus
                value={text}
                onChange={setText}
                description={given ? undefined : 'Write the reason before you can confirm.'}
              />
            </VStack>
          </AlertDialog>
        )}
      </DialogContainer>
    </VStack>
  )
}
