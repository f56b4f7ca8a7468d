import { list } from '@keystone-6/core'
import { text } from '@keystone-6/core/fields'
import { profileAccess, profileUi } from '../access/rules'
import { backReference } from '../fields/back-reference'
import { slug } from '../fields/slug'
import type { Lists } from '../../generated/keystone/types'

export const Tag: Lists.Tag = list({
  access: profileAccess('articles'),
  ui: {
    ...profileUi,
    labelField: 'name',
    searchFields: ['name', 'slug'],
  },
  fields: {
    name: text({ validation: { isRequired: true, length: { max: 100 } } }),
    slug: slug({ from: 'name' }),
    articles: backReference('Article.tags'),
  },
})
