import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { contentSchemaText } from '../../src/content/schema-text'

// Frontends generate their types from the committed file; it must be the schema that is served.
test('content-schema.graphql is the schema the Content API serves (npm run content:schema)', () => {
  const committed = readFileSync(path.resolve(__dirname, '../../content-schema.graphql'), 'utf8')
  expect(committed).toBe(contentSchemaText())
})
