import { list } from '@keystone-6/core'
import { LIMITS, singleLine } from '../fields/text-limits'
import { profileAccess, profileUi } from '../access/rules'
import { backReference } from '../fields/back-reference'
import { slug } from '../fields/slug'
import { profileHooks } from './profile-hooks'
import { profileDeleteAction } from './profile-in-use'
import type { Lists } from '../../generated/keystone/types'

export const Tag: Lists.Tag = list({
  access: profileAccess('articles'),
  actions: { remove: profileDeleteAction('Tag') } as unknown as NonNullable<Lists.Tag['actions']>,
  ui: {
    ...profileUi,
    labelField: 'name',
    searchFields: ['name', 'slug'],
  },
  fields: {
    name: singleLine(LIMITS.tagName, { validation: { isRequired: true } }),
    slug: slug({ from: 'name' }),
    articles: backReference('Article.tags'),
  },
  hooks: profileHooks('Tag'),
})
