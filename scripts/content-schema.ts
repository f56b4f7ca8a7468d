// `npm run content:schema`: prints the Content API's schema (src/content/type-defs.ts, as
// graphql-js prints it) to content-schema.graphql, the file frontends point GraphQL Code Generator
// at. test/content/schema-file.test.ts fails when the committed file is out of date.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { contentSchemaText } from '../src/content/schema-text'

const file = path.resolve(__dirname, '../content-schema.graphql')
writeFileSync(file, contentSchemaText())
console.log(`Wrote ${path.relative(process.cwd(), file)}`)
