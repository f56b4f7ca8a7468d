// The retention setting on its own: unset keeps everything; a bad value is refused by name.
import { describe, expect, it } from 'vitest'
import { keepSaves } from '../../src/revisions/retention'

describe('WARTA_REVISIONS_KEEP_SAVES', () => {
  it('unset or empty keeps every save; a whole number N keeps N', () => {
    expect(keepSaves(undefined)).toBeNull()
    expect(keepSaves(' ')).toBeNull()
    expect(keepSaves('25')).toBe(25)
  })
  it.each(['0', '-3', '2.5', 'all', '1e'])('"%s" is refused with the setting named', value => {
    expect(() => keepSaves(value)).toThrow(/WARTA_REVISIONS_KEEP_SAVES must be a whole number/)
  })
})
