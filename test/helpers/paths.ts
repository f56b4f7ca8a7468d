import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
// CI clones the repository next to a copy of shared/, so ../shared from the repo root is right.
export const sharedDir = path.resolve(repoRoot, '../shared')
export const seedFile = path.resolve(sharedDir, 'seed/antara-kishida-nato-2023-07-12.txt')
