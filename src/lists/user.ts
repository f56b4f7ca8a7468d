import { list } from '@keystone-6/core'
import { allOperations } from '@keystone-6/core/access'
import { password, relationship, select, text } from '@keystone-6/core/fields'
import { roleLabels, roles } from '../access/roles'
import { staffOnly } from '../access/rules'
import { isTaken, itemId } from '../fields/unique'
import type { Lists } from '../../generated/keystone/types'

export const PASSWORD_MIN_LENGTH = 10
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

// A login. Bylines are Persons; a staff Person may link to its User.
export const User: Lists.User = list({
  access: {
    // Anonymous readers never see or touch accounts.
    operation: allOperations(staffOnly),
  },
  ui: {
    labelField: 'name',
    searchFields: ['name', 'email'],
    listView: { initialColumns: ['name', 'email', 'role', 'person'] },
  },
  fields: {
    name: text({ validation: { isRequired: true, length: { max: 200 } } }),
    email: text({
      isIndexed: 'unique',
      validation: {
        isRequired: true,
        match: { regex: EMAIL, explanation: 'must be an email address' },
      },
      hooks: {
        resolveInput: ({ resolvedData }) =>
          typeof resolvedData.email === 'string' ? resolvedData.email.trim() : resolvedData.email,
        async validate({ operation, resolvedData, item, context, listKey, addValidationError }) {
          if (operation === 'delete' || typeof resolvedData.email !== 'string') return
          if (await isTaken(context, listKey, 'email', resolvedData.email, itemId(item))) {
            addValidationError('is already used by another account')
          }
        },
      },
    }),
    password: password({
      validation: { isRequired: true, length: { min: PASSWORD_MIN_LENGTH }, rejectCommon: true },
    }),
    role: select({
      type: 'string',
      options: roles.map(value => ({ value, label: roleLabels[value] })),
      defaultValue: 'reporter',
      validation: { isRequired: true },
    }),
    person: relationship({
      ref: 'Person.user',
      ui: { description: 'The public profile (byline) of this staff member' },
    }),
  },
})
