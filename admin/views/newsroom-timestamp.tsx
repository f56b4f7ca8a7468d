// A timestamp in lists and tables as the newsroom writes it ("1 Dec 2026, 10:42 WIB": 24-hour,
// in the newsroom's time zone), instead of the browser's locale and zone.
import { Text } from '@keystar/ui/typography'
import { controller, Field } from '@keystone-6/core/fields/types/timestamp/views'
import type { CellComponent } from '@keystone-6/core/types'
import { newsroomTime } from '../../src/workflow/newsroom-time'
import { useNewsroomTimeZone } from '../newsroom-time-zone'

export { controller, Field }

export const Cell: CellComponent<typeof controller> = ({ value }) => {
  const zone = useNewsroomTimeZone()
  return <Text>{newsroomTime(value as string | null, zone)}</Text>
}
