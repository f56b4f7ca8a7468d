// The extra arguments of publishChanges: a public correction added in the same step.
import { g } from '@keystone-6/core'
import { select, text } from '@keystone-6/core/fields'
import { LIMITS } from '../fields/text-limits'

/** publishChanges' action arguments (Keystone `action` args), besides the version. */
export function correctionArgs() {
  return {
    correction: {
      graphql: g.arg({ type: g.String }),
      ui: {
        source: {
          field: text({
            validation: { length: { max: LIMITS.note } },
            ui: {
              label: 'Public correction (optional)',
              description: 'Printed with the story: readers have seen the version it corrects',
              displayMode: 'textarea',
            },
          }),
        },
      },
    },
    correctionKind: {
      graphql: g.arg({ type: g.String }),
      ui: {
        source: {
          field: select({
            type: 'string',
            options: [
              { label: 'Correction (Ralat)', value: 'correction' },
              { label: 'Clarification', value: 'clarification' },
              { label: 'Update', value: 'update' },
            ],
          }),
        },
      },
    },
  }
}
