// A refused save's reason next to the field it concerns (admin/plain-errors.ts collects them
// from the Staff API's answers), for the views of the fields people most often get refused on.
import { useEffect, useState } from 'react'
import { Text } from '@keystar/ui/typography'
import { fieldRefusal, onFieldRefusals } from './plain-errors'

/** The last refusal for the field ("slug"), kept current. */
export function useFieldRefusal(key: string): string | null {
  const [refusal, setRefusal] = useState(() => fieldRefusal(key))
  useEffect(() => onFieldRefusals(() => setRefusal(fieldRefusal(key))), [key])
  return refusal
}

/** The refusal in words under the field, or nothing. */
export function FieldRefusal({ fieldKey }: { fieldKey: string }) {
  const refusal = useFieldRefusal(fieldKey)
  if (!refusal) return null
  return (
    <Text color="critical" size="small">
      {refusal}
    </Text>
  )
}
