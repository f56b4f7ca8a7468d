// Prisma CLI configuration (prisma migrate, validate, format, generate; also the runs Keystone
// spawns). The database URL and provider come from src/db/url.mjs, shared with keystone.ts.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'prisma/config'
import { databaseUrl, migrationsDir, schemaPaths } from './src/db/url.mjs'

// Every Prisma CLI command first makes sure a native schema engine binary exists and tries to
// download one, which fails here. This stand-in runs Prisma's schema engine compiled to
// WebAssembly instead. `??=` keeps an explicit override; the CLI loads this file before it
// resolves engines, so the runs that Keystone spawns get it too.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL('./src/db/engine/schema-engine.mjs', import.meta.url)
)

export default defineConfig({
  schema: schemaPaths().prisma,
  migrations: { path: migrationsDir() },
  datasource: { url: databaseUrl() },
})
