// The headline: Keystone's text field, with a list cell that wraps the whole headline over up
// to three lines instead of cutting it at the column's width.
import { Text } from '@keystar/ui/typography'
import { controller, Field } from '@keystone-6/core/fields/types/text/views'
import type { CellComponent } from '@keystone-6/core/types'

export { controller, Field }

export const Cell: CellComponent<typeof controller> = ({ value }) => (
  <Text size="small" weight="medium" truncate={3} UNSAFE_style={{ whiteSpace: 'normal' }}>
    {typeof value === 'string' ? value : ''}
  </Text>
)
