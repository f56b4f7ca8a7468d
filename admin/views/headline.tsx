// The headline: Keystone's text field, with a list cell that wraps the whole headline over up
// to three lines instead of cutting it at the column's width. Keystone's table rows are 44 px
// high and its cells truncate their text (Keystar's Text context), so the cell sets its own
// line box: three lines of 14 px fit the row.
import { css, tokenSchema } from '@keystar/ui/style'
import { controller } from '@keystone-6/core/fields/types/text/views'
import { Field } from './refusable-text'
import type { CellComponent } from '@keystone-6/core/types'

export { controller, Field }

const wrapped = css({
  display: '-webkit-box',
  WebkitBoxOrient: 'vertical',
  WebkitLineClamp: 3,
  overflow: 'hidden',
  whiteSpace: 'normal',
  fontFamily: tokenSchema.typography.fontFamily.base,
  fontSize: 12.5,
  lineHeight: '14px',
  fontWeight: 500,
  color: tokenSchema.color.foreground.neutral,
})

export const Cell: CellComponent<typeof controller> = ({ value }) => (
  <span className={wrapped}>{typeof value === 'string' ? value : ''}</span>
)
