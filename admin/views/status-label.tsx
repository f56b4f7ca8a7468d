// A story's status as a coloured label, in lists and on the story's page; never a dropdown
// (only the workflow buttons change it). Tones from src/workflow/status-tone.ts.
import { Badge } from '@keystar/ui/badge'
import { VStack } from '@keystar/ui/layout'
import { Text } from '@keystar/ui/typography'
import { controller } from '@keystone-6/core/fields/types/select/views'
import type { CellComponent, FieldProps } from '@keystone-6/core/types'
import { statusTones } from '../../src/workflow/status-tone'
import { statusLabels, type Status } from '../../src/workflow/transitions'

export { controller }

function StatusBadge({ status }: { status: string | null | undefined }) {
  if (!status || !(status in statusLabels)) return null
  return <Badge tone={statusTones[status as Status]}>{statusLabels[status as Status]}</Badge>
}

export const Cell: CellComponent<typeof controller> = ({ value }) => (
  <StatusBadge status={value as string | null} />
)

export function Field({ field, value }: FieldProps<typeof controller>) {
  return (
    <VStack gap="regular">
      <Text weight="semibold" size="small">
        {field.label}
      </Text>
      <StatusBadge status={value.value?.value} />
    </VStack>
  )
}
