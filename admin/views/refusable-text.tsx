// Keystone's text field with the last refused save's reason for it underneath, in words
// (admin/field-refusal.tsx): for the fields the server refuses most (slug taken, headline).
import { VStack } from '@keystar/ui/layout'
import { controller, Field as TextField } from '@keystone-6/core/fields/types/text/views'
import type { FieldProps } from '@keystone-6/core/types'
import { FieldRefusal } from '../field-refusal'

export { controller }

export function Field(props: FieldProps<typeof controller>) {
  return (
    <VStack gap="regular">
      <TextField {...props} />
      <FieldRefusal fieldKey={props.field.fieldKey} />
    </VStack>
  )
}
