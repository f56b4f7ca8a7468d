import { list } from '@keystone-6/core'
import { checkbox, password, relationship, select, text } from '@keystone-6/core/fields'
import { can, roleLabels, roles } from '../access/roles'
import { allowed, isOwnerOrManager, isSignedIn, userFilter } from '../access/rules'
import type { Session } from '../access/session'
import { isTaken, itemId } from '../fields/unique'
import { LIMITS, singleLine } from '../fields/text-limits'
import { newsroomTimeZoneField } from './user-time-zone'
import type { Lists } from '../../generated/keystone/types'
import { emailProblem, normalizeEmail } from '../accounts/email'
import { endSessions, endSessionsOnAccountChange, refuseWeakPassword } from '../accounts/user-hooks'

export const PASSWORD_MIN_LENGTH = 10

const canManage = allowed('account.manage')
/** Fields only account managers (admins) may set. */
const managed = {
  access: { create: canManage, update: canManage },
  ui: {
    itemView: { fieldMode: (args: { session?: Session }) => (canManage(args) ? 'edit' : 'read') },
  },
} as const
/** Readable by the account's owner and by admins only, and only admins filter or sort by it. */
const ownerOrManagerRead = { item: isOwnerOrManager, filter: canManage, order: canManage }

// A login. Bylines are Persons; a staff Person may link to its User.
export const User: Lists.User = list({
  access: {
    // Anonymous readers never see or touch accounts.
    operation: { query: isSignedIn, create: canManage, update: isSignedIn, delete: canManage },
    filter: userFilter,
  },
  ui: {
    hideCreate: args => !canManage(args),
    hideDelete: args => !canManage(args),
    // Reporters only ever see their own account: no accounts list in their navigation.
    hideNavigation: ({ session }) => !can(session?.data.role, 'account.readStaff'),
    labelField: 'name',
    searchFields: ['name'],
    listView: { initialColumns: ['name', 'role', 'isActive', 'person'] },
  },
  fields: {
    name: singleLine(LIMITS.name, { validation: { isRequired: true } }),
    newsroomTimeZone: newsroomTimeZoneField(),
    email: text({
      isIndexed: 'unique',
      validation: { isRequired: true },
      access: { read: ownerOrManagerRead, create: canManage, update: canManage },
      ui: {
        itemView: {
          fieldMode: args =>
            canManage(args) ? 'edit' : isOwnerOrManager(args) ? 'read' : 'hidden',
        },
        listView: { fieldMode: args => (canManage(args) ? 'read' : 'hidden') },
      },
      hooks: {
        // One identity whatever the case or width: stored normalised, so the unique index and
        // sign-in (which normalises too) agree; look-alike spellings are refused (emailProblem).
        resolveInput: ({ resolvedData }) =>
          typeof resolvedData.email === 'string'
            ? normalizeEmail(resolvedData.email)
            : resolvedData.email,
        async validate(args) {
          const { operation, inputData, resolvedData, item, context, listKey } = args
          if (operation === 'delete' || typeof resolvedData.email !== 'string') return
          const problem = emailProblem(String(inputData.email ?? resolvedData.email))
          if (problem) return args.addValidationError(problem)
          if (await isTaken(context, listKey, 'email', resolvedData.email, itemId(item))) {
            args.addValidationError('is already used by another account')
          }
        },
      },
    }),
    password: password({
      // Common and guessable passwords: zxcvbn's check (refuseWeakPassword) replaces Keystone's
      // rejectCommon, whose short list let `password123` through.
      validation: { isRequired: true, length: { min: PASSWORD_MIN_LENGTH } },
      access: { read: ownerOrManagerRead },
      hooks: { validate: refuseWeakPassword },
    }),
    role: select({
      type: 'string',
      options: roles.map(value => ({ value, label: roleLabels[value] })),
      defaultValue: 'reporter',
      validation: { isRequired: true },
      ...managed,
    }),
    isActive: checkbox({
      defaultValue: true,
      ...managed,
      ui: {
        ...managed.ui,
        description: 'A deactivated account cannot sign in; its sessions end at once',
      },
    }),
    person: relationship({
      ref: 'Person.user',
      ...managed,
      ui: { ...managed.ui, description: 'The public profile (byline) of this staff member' },
    }),
  },
  actions: { endSessions } as unknown as NonNullable<Lists.User['actions']>,
  hooks: {
    beforeOperation: endSessionsOnAccountChange,
    // The newsroom must never lock itself out: keep at least one active admin.
    async validate({ operation, item, resolvedData, context, addValidationError }) {
      if (operation === 'create' || item.role !== 'admin' || !item.isActive) return
      if (operation === 'update') {
        const role = resolvedData.role ?? item.role
        const isActive = resolvedData.isActive ?? item.isActive
        if (role === 'admin' && isActive) return
      }
      const otherAdmins = await context.sudo().db.User.count({
        where: {
          role: { equals: 'admin' },
          isActive: { equals: true },
          id: { not: { equals: item.id } },
        },
      })
      if (otherAdmins === 0) {
        addValidationError(
          `${item.name} is the last active admin: make another account an admin first`
        )
      }
    },
  },
})
