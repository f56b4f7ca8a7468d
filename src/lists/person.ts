import { list } from '@keystone-6/core'
import { relationship } from '@keystone-6/core/fields'
import { LIMITS, multiLine, singleLine } from '../fields/text-limits'
import { allowed, isSignedIn, profileAccess, profileUi } from '../access/rules'
import { slug } from '../fields/slug'
import { backReference } from '../fields/back-reference'
import { profileHooks } from './profile-hooks'
import { profileDeleteAction } from './profile-in-use'
import type { Lists } from '../../generated/keystone/types'

// A public profile: bylines and mentions point here. Logins live in User.
export const Person: Lists.Person = list({
  access: profileAccess('authored', 'edited', 'mentionedIn'),
  actions: { remove: profileDeleteAction('Person') } as unknown as NonNullable<
    Lists.Person['actions']
  >,
  ui: {
    ...profileUi,
    labelField: 'name',
    searchFields: ['name', 'slug', 'jobTitle'],
    listView: { initialColumns: ['name', 'jobTitle', 'affiliations'] },
  },
  fields: {
    name: singleLine(LIMITS.name, { validation: { isRequired: true } }),
    slug: slug({ from: 'name' }),
    jobTitle: singleLine(LIMITS.jobTitle, {
      ui: { description: 'Current title, as the newsroom prints it' },
    }),
    description: multiLine(LIMITS.description),
    affiliations: relationship({ ref: 'Organization.affiliatedPeople', many: true }),
    user: relationship({
      ref: 'User.person',
      // Linking a byline to a login is account management.
      access: {
        read: isSignedIn,
        create: allowed('account.manage'),
        update: allowed('account.manage'),
      },
      ui: {
        description: 'The staff login behind this byline, if any',
        itemView: { fieldMode: args => (allowed('account.manage')(args) ? 'edit' : 'read') },
        createView: { fieldMode: args => (allowed('account.manage')(args) ? 'edit' : 'hidden') },
      },
    }),
    authored: backReference('Article.authors'),
    edited: backReference('Article.editors'),
    mentionedIn: backReference('Article.people'),
  },
  hooks: profileHooks('Person'),
})
