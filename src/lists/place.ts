import { list } from '@keystone-6/core'
import { relationship, select } from '@keystone-6/core/fields'
import { LIMITS, singleLine } from '../fields/text-limits'
import { profileAccess, profileUi } from '../access/rules'
import { backReference } from '../fields/back-reference'
import { slug } from '../fields/slug'
import { profileHooks } from './profile-hooks'
import { profileDeleteAction } from './profile-in-use'
import type { Lists } from '../../generated/keystone/types'

export const placeKinds = [
  { label: 'City', value: 'city' },
  { label: 'Country', value: 'country' },
  { label: 'Continent', value: 'continent' },
  { label: 'Region', value: 'region' },
] as const

export const Place: Lists.Place = list({
  access: profileAccess('mentionedIn', 'datelineOf'),
  actions: { remove: profileDeleteAction('Place') } as unknown as NonNullable<
    Lists.Place['actions']
  >,
  ui: {
    ...profileUi,
    labelField: 'name',
    searchFields: ['name', 'alternateName', 'slug'],
    listView: { initialColumns: ['name', 'alternateName', 'kind', 'countryCode', 'parent'] },
  },
  fields: {
    name: singleLine(LIMITS.name, {
      validation: { isRequired: true },
      ui: { description: 'As printed in Indonesian, e.g. "Jepang"' },
    }),
    alternateName: singleLine(LIMITS.name, { ui: { description: 'English name, e.g. "Japan"' } }),
    slug: slug({ from: 'name' }),
    kind: select({
      type: 'string',
      options: placeKinds,
      validation: { isRequired: true },
      defaultValue: 'city',
    }),
    countryCode: singleLine(LIMITS.countryCode, {
      db: { isNullable: true },
      ui: { views: './admin/views/optional-text' },
      validation: {
        match: {
          regex: /^[A-Z]{2}$/,
          explanation: 'must be an ISO 3166-1 alpha-2 code such as "JP"',
        },
      },
      hooks: {
        resolveInput({ resolvedData }) {
          const code = resolvedData.countryCode
          return typeof code === 'string' ? code.trim().toUpperCase() || null : code
        },
      },
    }),
    parent: relationship({ ref: 'Place.children' }),
    children: relationship({ ref: 'Place.parent', many: true }),
    datelineOf: backReference('Article.datelinePlace'),
    mentionedIn: backReference('Article.places'),
  },
  hooks: profileHooks('Place'),
})
