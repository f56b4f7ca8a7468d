import { list } from '@keystone-6/core'
import { relationship, select } from '@keystone-6/core/fields'
import { LIMITS, multiLine, singleLine } from '../fields/text-limits'
import { profileAccess, profileUi } from '../access/rules'
import { backReference } from '../fields/back-reference'
import { slug } from '../fields/slug'
import { httpUrl } from '../fields/url'
import { profileHooks } from './profile-hooks'
import { profileDeleteAction } from './profile-in-use'
import type { Lists } from '../../generated/keystone/types'

export const organizationKinds = [
  { label: 'News agency', value: 'news_agency' },
  { label: 'News agency association', value: 'news_agency_association' },
  { label: 'Intergovernmental', value: 'intergovernmental' },
  { label: 'Supranational union', value: 'supranational_union' },
  { label: 'Government', value: 'government' },
  { label: 'Informal grouping', value: 'informal_grouping' },
  { label: 'Company', value: 'company' },
  { label: 'Other', value: 'other' },
] as const

export const Organization: Lists.Organization = list({
  access: profileAccess('mentionedIn', 'sourceOf', 'copyrightOf'),
  actions: { remove: profileDeleteAction('Organization') } as unknown as NonNullable<
    Lists.Organization['actions']
  >,
  ui: {
    ...profileUi,
    labelField: 'name',
    searchFields: ['name', 'shortName', 'slug'],
    listView: { initialColumns: ['name', 'shortName', 'kind', 'memberOf'] },
  },
  fields: {
    name: singleLine(LIMITS.name, { validation: { isRequired: true } }),
    shortName: singleLine(LIMITS.shortName, { ui: { description: 'e.g. "NATO", "OANA"' } }),
    slug: slug({ from: 'name' }),
    kind: select({
      type: 'string',
      options: organizationKinds,
      defaultValue: 'other',
      validation: { isRequired: true },
    }),
    description: multiLine(LIMITS.description),
    url: httpUrl(),
    // Membership is not hierarchy: Kyodo and ANTARA are members of OANA, not its children.
    memberOf: relationship({ ref: 'Organization.members', many: true }),
    members: relationship({ ref: 'Organization.memberOf', many: true }),
    parent: relationship({
      ref: 'Organization.children',
      ui: { description: 'True hierarchies only' },
    }),
    children: relationship({ ref: 'Organization.parent', many: true }),
    affiliatedPeople: backReference('Person.affiliations'),
    mentionedIn: backReference('Article.organizations'),
    sourceOf: backReference('Article.sources'),
    copyrightOf: backReference('Article.copyrightHolder'),
  },
  hooks: profileHooks('Organization'),
})
