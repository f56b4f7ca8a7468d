// The typed role registry. Pure: no Keystone import, so it can be unit-tested and shared
// with anything (seed, Admin UI config, tests).

export const roles = ['reporter', 'editor', 'admin'] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
  reporter: 'Reporter (Pewarta)',
  editor: 'Editor',
  admin: 'Admin',
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value)
}
