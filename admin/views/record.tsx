// The story's record (src/lists/article-record.ts): label and time, one line each.
import { VStack } from '@keystar/ui/layout'
import { Text } from '@keystar/ui/typography'
import type { controller } from '@keystone-6/core/fields/types/virtual/views'
import type { FieldProps } from '@keystone-6/core/types'
import type { RecordLine } from '../../src/lists/article-record'

export { controller, Cell } from '@keystone-6/core/fields/types/virtual/views'

export function Field({ field, value }: FieldProps<typeof controller> & { value: unknown }) {
  const lines = Array.isArray(value) ? (value as RecordLine[]) : []
  return (
    <VStack gap="regular" aria-label={field.label}>
      <Text weight="semibold" size="small">
        {field.label}
      </Text>
      {lines.map(line => (
        <Text key={line.label} size="small">
          <strong>{line.label}:</strong> {line.value}
        </Text>
      ))}
    </VStack>
  )
}
