// The stand-in's JSON-RPC channel, spoken to directly: what the Prisma CLI relies on.
import { spawn } from 'node:child_process'
import { on, once } from 'node:events'
import readline from 'node:readline'
import { afterAll, expect, it } from 'vitest'
import { Project, engineBinary } from './project'

const project = new Project()
afterAll(() => project.remove())

it('answers line-delimited JSON-RPC on stdout, asking the CLI to print diffs', async () => {
  const datasource = JSON.stringify({ url: 'file:./data/rpc.db' })
  const args = [engineBinary, '--datamodels', 'schema.prisma', '--datasource', datasource]
  const engine = spawn(process.execPath, args, { cwd: project.dir })
  const exited = once(engine, 'exit')
  const lines = on(readline.createInterface({ input: engine.stdout }), 'line')
  // Every stdout line must be JSON-RPC: JSON.parse throws on anything else.
  const receive = async () => JSON.parse(((await lines.next()).value as string[])[0]!)
  const send = (message: object) =>
    engine.stdin.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n')

  send({ id: 1, method: 'getDatabaseVersion' })
  expect(await receive()).toEqual({
    jsonrpc: '2.0',
    id: 1,
    result: expect.stringMatching(/^3\.\d+\.\d+$/),
  })

  send({ id: 2, method: 'noSuchMethod', params: {} })
  expect(await receive()).toMatchObject({ id: 2, error: { code: -32601 } })

  const schema = {
    files: [
      {
        path: 'schema.prisma',
        content: 'datasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id Int @id\n}\n',
      },
    ],
  }
  const filters = { externalTables: [], externalEnums: [] }
  send({
    id: 3,
    method: 'diff',
    params: {
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', ...schema },
      script: true,
      exitCode: null,
      filters,
    },
  })
  const print = await receive()
  expect(print).toMatchObject({
    method: 'print',
    params: { content: expect.stringContaining('CREATE TABLE "A"') },
  })
  send({ id: print.id, result: {} })
  expect(await receive()).toEqual({ jsonrpc: '2.0', id: 3, result: { exitCode: 0, stdout: null } })

  engine.stdin.end()
  expect((await exited)[0]).toBe(0)
})
