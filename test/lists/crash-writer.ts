// The child process of version-claim.test.ts's crash test: saves a story through Keystone as a
// script would, and stops dead after the version claim, before the content write, saying
// "claimed" on stdout; the test then kills it with SIGKILL. Usage: tsx crash-writer.ts ID VERSION
import { getContext } from '@keystone-6/core/context'
import config from '../../keystone'
import * as PrismaModule from '../../generated/prisma/client'

type Hook = (args: { operation: string; inputData?: Record<string, unknown> }) => unknown

// A CommonJS module under tsx (package.json has no "type": "module"): no top-level await.
async function main() {
  const [id, version] = process.argv.slice(2)
  const article = config.lists.Article as { hooks?: { beforeOperation?: unknown } }
  const own = article.hooks?.beforeOperation as Hook | undefined
  // The list's beforeOperation runs after every field's, so after the version field's claim.
  const beforeOperation: Hook = async args => {
    await own?.(args)
    if (args.operation !== 'update' || args.inputData?.headline !== 'CRASH') return
    process.stdout.write('claimed\n')
    await new Promise(() => {})
  }
  const Article = { ...article, hooks: { ...article.hooks, beforeOperation } }
  const lists = { ...config.lists, Article }
  const context = getContext({ ...config, lists } as unknown as typeof config, PrismaModule)
  await context.sudo().db.Article.updateOne({
    where: { id: id! },
    data: { version: Number(version), headline: 'CRASH' },
  })
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
