import { list } from '@keystone-6/core'
import { allOperations } from '@keystone-6/core/access'
import { relationship, text } from '@keystone-6/core/fields'
import { isSignedIn, referencedByPublished, staffOr } from '../access/rules'
import { slug } from '../fields/slug'
import { backReference } from '../fields/back-reference'
import type { Lists } from '../../generated/keystone/types'

// A public profile: bylines and mentions point here. Logins live in User.
export const Person: Lists.Person = list({
  access: {
    operation: { ...allOperations(isSignedIn), query: () => true },
    filter: { query: staffOr(referencedByPublished('authored', 'edited', 'mentionedIn')) },
  },
  ui: {
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
      access: { read: isSignedIn },
      ui: { description: 'The staff login behind this byline, if any' },
    }),
    authored: backReference('Article.authors'),
    edited: backReference('Article.editors'),
    mentionedIn: backReference('Article.people'),
  },
})
