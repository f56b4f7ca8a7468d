// The `graphql` module Keystone runs with. Keystone loads graphql's CommonJS build; code that
// Vite or tsx transforms may get its ES build, and graphql refuses types from "another realm".
// Requiring it resolves to the very instance Keystone uses, under vitest, tsx and the build alike.
import { createRequire } from 'node:module'
import path from 'node:path'

export const graphqlRuntime = createRequire(path.join(process.cwd(), 'package.json'))(
  'graphql'
) as typeof import('graphql')
