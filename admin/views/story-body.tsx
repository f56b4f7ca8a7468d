// The story body: Keystone's document editor, tall enough to read a wire story (Keystone fixes
// it at 224 px, about four paragraphs), with the word and paragraph count a desk works to.
import { VStack } from '@keystar/ui/layout'
import { css } from '@keystar/ui/style'
import { Text } from '@keystar/ui/typography'
import {
  allowedExportsOnCustomViews,
  Cell,
  controller,
  Field as DocumentField,
} from '@keystone-6/fields-document/views'
import type { FieldProps } from '@keystone-6/core/types'
import { bodyCount } from '../../src/fields/body-count'
import { FieldRefusal } from '../field-refusal'

export { allowedExportsOnCustomViews, Cell, controller }

// The editor's own height is an inline style once resized: only !important reaches it.
const tall = css({ '[contenteditable="true"]': { height: '62vh !important', minHeight: 320 } })

export function Field(props: FieldProps<typeof controller>) {
  const { words, paragraphs } = bodyCount(props.value)
  return (
    <VStack gap="regular" UNSAFE_className={tall}>
      <Text size="small" color="neutralSecondary" aria-label="Body length">
        {words} {words === 1 ? 'word' : 'words'} · {paragraphs}{' '}
        {paragraphs === 1 ? 'paragraph' : 'paragraphs'}
      </Text>
      <DocumentField {...props} />
      <FieldRefusal fieldKey={props.field.fieldKey} />
    </VStack>
  )
}
