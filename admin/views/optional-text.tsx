// An optional text stored as null when empty (a URL, a code): Keystone's text field without its
// "Set to null" checkbox. An empty box is null; typing into it gives a value again.
import { controller, Field as TextField } from '@keystone-6/core/fields/types/text/views'
import type { FieldProps } from '@keystone-6/core/types'

export { controller }

type Value = FieldProps<typeof controller>['value']
type Inner = Value['inner']

const shown = (inner: Inner): Inner =>
  inner.kind === 'null' ? { kind: 'value', value: '' } : inner

export function Field(props: FieldProps<typeof controller>) {
  const { value, onChange } = props
  // The box shows null as empty; the form's own state keeps null (so nothing looks changed).
  const display = {
    ...value,
    inner: shown(value.inner),
    ...(value.kind === 'update' && { initial: shown(value.initial) }),
  } as Value
  const change =
    onChange &&
    ((next: Value) => {
      const inner: Inner =
        next.inner.kind === 'value' && next.inner.value === ''
          ? { kind: 'null', prev: '' }
          : next.inner
      onChange({ ...value, inner } as Value)
    })
  return (
    <TextField
      {...props}
      value={display}
      onChange={change}
      field={{ ...props.field, isNullable: false }}
    />
  )
}
