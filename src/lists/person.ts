import { list } from '@keystone-6/core'
import { relationship, text } from '@keystone-6/core/fields'
import { allowed, isSignedIn, profileAccess, profileUi } from '../access/rules'
import { slug } from '../fields/slug'
import { backReference } from '../fields/back-reference'
import type { Lists } from '../../generated/keystone/types'

// A public profile: bylines and mentions point here. Logins live in User.
export const Person: Lists.Person = list({
  access: profileAccess('authored', 'edited', 'mentionedIn'),
  ui: {
    ...profileUi,
    labelField: 'name',
    searchFields: ['name', 'slug', 'jobTitle'],
    listView: { initialColumns: ['name', 'jobTitle', 'affiliations'] },
  },
  fields: {
    name: text({ validation: { isRequired: true, length: { max: 200 } } }),
    slug: slug({ from: 'name' }),
    jobTitle: text({ ui: { description: 'Current title, as the newsroom prints it' } }),
    description: text({ ui: { displayMode: 'textarea' } }),
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
})
