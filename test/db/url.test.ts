import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_DATABASE_URL,
  databaseProvider,
  databaseUrl,
  migrationsDir,
  sqliteFilePath,
} from '../../src/db/url.mjs'

describe('src/db/url.mjs', () => {
  it('uses DATABASE_URL, or the SQLite file under data/', () => {
    expect(databaseUrl({ DATABASE_URL: 'postgresql://localhost/warta' })).toBe(
      'postgresql://localhost/warta'
    )
    expect(databaseUrl({})).toBe('file:./data/warta.db')
    expect(databaseUrl({ DATABASE_URL: '' })).toBe(DEFAULT_DATABASE_URL)
  })

  it('decides the provider from the URL scheme', () => {
    expect(databaseProvider('file:./data/warta.db')).toBe('sqlite')
    expect(databaseProvider('postgres://u@localhost/warta')).toBe('postgresql')
    expect(databaseProvider('postgresql://u@localhost:5432/warta?schema=public')).toBe('postgresql')
    expect(() => databaseProvider('mysql://localhost/warta')).toThrow(
      /Unsupported DATABASE_URL scheme mysql:/
    )
    expect(() => databaseProvider('./warta.db')).toThrow(
      /Unsupported DATABASE_URL scheme \(no scheme\)/
    )
  })

  it('keeps migrations per provider', () => {
    expect(migrationsDir('sqlite')).toBe('migrations/sqlite')
    expect(migrationsDir('postgresql')).toBe('migrations/postgresql')
  })

  it('resolves SQLite files against the cwd, as the runtime adapter does', () => {
    expect(sqliteFilePath('file:./data/warta.db', '/srv/warta')).toBe('/srv/warta/data/warta.db')
    expect(sqliteFilePath('file:data/warta.db', '/srv/warta')).toBe('/srv/warta/data/warta.db')
    expect(sqliteFilePath('file:/var/lib/warta.db', '/srv/warta')).toBe('/var/lib/warta.db')
    expect(sqliteFilePath('file:./x.db')).toBe(path.resolve('x.db'))
    expect(sqliteFilePath('file::memory:')).toBeNull()
  })
})
