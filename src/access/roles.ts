// The typed role and permission registry. Pure: no Keystone import, so it is unit-tested on its
// own and shared by list access, Admin UI visibility, the seed and the tests.
// Deny by default: a capability not granted here, or an unknown role, allows nothing.

export const roles = ['reporter', 'editor', 'admin'] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
  reporter: 'Reporter (Pewarta)',
  editor: 'Editor',
  admin: 'Admin',
}

export const capabilities = [
  /** Write new stories (a reporter becomes an author through their byline). */
  'article.create',
  /** Read every article in every status, not only one's own and published ones. */
  'article.readAll',
  /** Edit any article in any status, not only one's own drafts. */
  'article.editAll',
  /** Add corrections, clarifications and updates to published stories. */
  'article.correct',
  /** Delete any never-published draft, not only one's own. */
  'article.deleteAnyDraft',
  /** Create and edit Person, Organization, Place and Tag. */
  'profile.write',
  /** Delete Person, Organization, Place and Tag. */
  'profile.delete',
  /** Manage read-also links of any article one may edit, and links attached to no story. */
  'link.manageAll',
  /** See every staff account's name and role. */
  'account.readStaff',
  /** Create, edit, deactivate and delete accounts; change roles; read emails. */
  'account.manage',
] as const
export type Capability = (typeof capabilities)[number]

const editor: readonly Capability[] = [
  'article.create',
  'article.readAll',
  'article.editAll',
  'article.correct',
  'article.deleteAnyDraft',
  'profile.write',
  'profile.delete',
  'link.manageAll',
  'account.readStaff',
]

export const grants: Record<Role, readonly Capability[]> = {
  reporter: ['article.create', 'profile.write'],
  editor,
  admin: [...editor, 'account.manage'],
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value)
}

/** Whether `role` holds `capability`. No role (anonymous) or an unknown one holds nothing. */
export function can(role: unknown, capability: Capability): boolean {
  return isRole(role) && grants[role].includes(capability)
}
