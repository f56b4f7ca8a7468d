import { describe, expect, it } from 'vitest'
import { can, capabilities, grants, isRole, roles } from '../../src/access/roles'

describe('the role registry', () => {
  it('denies everything to no role and to unknown roles', () => {
    for (const capability of capabilities) {
      expect(can(undefined, capability)).toBe(false)
      expect(can('superuser', capability)).toBe(false)
      expect(can('', capability)).toBe(false)
    }
    expect(isRole('Admin')).toBe(false)
  })

  it('gives admins everything editors have, plus account management', () => {
    for (const capability of grants.editor) expect(can('admin', capability)).toBe(true)
    expect(can('admin', 'account.manage')).toBe(true)
    expect(can('editor', 'account.manage')).toBe(false)
  })

  it('keeps reporters to writing stories and profiles', () => {
    expect(grants.reporter).toEqual(['article.create', 'profile.write'])
  })

  it('grants only known capabilities, each role a strict superset of the one below', () => {
    for (const role of roles) {
      for (const capability of grants[role]) expect(capabilities).toContain(capability)
    }
    expect(grants.reporter.every(c => grants.editor.includes(c))).toBe(true)
    expect(grants.editor.length).toBeLessThan(grants.admin.length)
    expect(grants.reporter.length).toBeLessThan(grants.editor.length)
  })
})
