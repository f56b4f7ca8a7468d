// The production start sequence (src/start.mjs) and the Content API's own read connection
// (src/content/reader.ts), over real HTTP: the Content API answers before Keystone has loaded
// while other paths get 503 with Retry-After, and a reader sees each publication as soon as its
// staff request has answered.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { antaraStory } from '../../src/seed/antara'
import { freshDatabaseUrl } from '../helpers/database'
import { repoRoot } from '../helpers/paths'
import { freePort, startNodeOptions } from '../../scripts/bench/server'
import {
  content,
  gql,
  migrateDatabase,
  signIn,
  startServer,
  type StartedServer,
} from '../helpers/server'

const PASSWORD = 'start-sequence-password'
const TYPENAME = JSON.stringify({ query: '{ __typename }' })

describe('cold start', () => {
  it('answers the Content API before Keystone is ready; other paths 503 with Retry-After', async () => {
    const port = await freePort()
    const env = {
      ...process.env,
      DATABASE_URL: freshDatabaseUrl('start'),
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'development',
      NODE_OPTIONS: startNodeOptions(repoRoot),
    }
    await migrateDatabase(env)
    const child = spawn(process.execPath, [path.join(repoRoot, 'src/start.mjs'), '--no-ui'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout!.on('data', chunk => (output += chunk))
    child.stderr!.on('data', chunk => (output += chunk))
    const url = `http://127.0.0.1:${port}`
    const post = (where: string) =>
      fetch(`${url}${where}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: TYPENAME,
      })
    try {
      const deadline = Date.now() + 60_000
      let first: Response | undefined
      while (!first) {
        if (child.exitCode !== null) throw new Error(`server exited:\n${output}`)
        if (Date.now() > deadline) throw new Error(`no answer in 60 s:\n${output}`)
        first = await post('/api/content/graphql').catch(() => undefined)
        if (!first) await new Promise(resolve => setTimeout(resolve, 5))
      }
      const readyWhenFirst = output.includes('GraphQL API ready')
      const staff = await post('/api/graphql')
      expect(readyWhenFirst).toBe(false)
      expect(first.status).toBe(200)
      expect(await first.json()).toEqual({ data: { __typename: 'Query' } })
      // Keystone may have become ready in between: then the staff API answers as usual.
      if (staff.status === 503) {
        expect(staff.headers.get('retry-after')).toBe('1')
        expect(staff.headers.get('cache-control')).toBe('no-store')
        const body = (await staff.json()) as { errors: { extensions: { code: string } }[] }
        expect(body.errors[0]!.extensions.code).toBe('UNAVAILABLE')
      } else expect(staff.status).toBe(200)

      while (!output.includes('Server listening')) {
        if (Date.now() > deadline) throw new Error(`not ready in 60 s:\n${output}`)
        await new Promise(resolve => setTimeout(resolve, 20))
      }
      // Ready: every path is Keystone's again, the Content API through Express (helmet's headers).
      const after = await post('/api/graphql')
      expect(after.status).toBe(200)
      const read = await post('/api/content/graphql')
      expect(read.status).toBe(200)
      expect(read.headers.get('referrer-policy')).toBe('no-referrer')
    } finally {
      await new Promise<void>(resolve => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
    }
  }, 120_000)
})

describe('reads after a publish', () => {
  let server: StartedServer
  let cookie = ''
  beforeAll(async () => {
    server = await startServer({ WARTA_DEV_PASSWORD: PASSWORD })
    cookie = await signIn(server.url, 'editor@warta.test', PASSWORD)
  }, 120_000)
  afterAll(async () => server?.stop())

  async function act(action: string, id: string, extra = '') {
    const { body: read } = await gql(
      server.url,
      `query($id: ID!) { article(where: { id: $id }) { version } }`,
      { cookie, variables: { id } }
    )
    const { body } = await gql(
      server.url,
      `mutation($id: ID!, $v: Int!) { ${action}(where: { id: $id }, version: $v${extra}) { id } }`,
      { cookie, variables: { id, v: read.data.article.version } }
    )
    expect(body.errors).toBeUndefined()
  }
  const story = async (slug: string) =>
    (await content(server.url, `query($s: String!) { story(slug: $s) { slug } }`, { s: slug })).body
      .data.story
  const latest = async () =>
    (await content(server.url, '{ stories(first: 1) { nodes { slug } } }')).body.data.stories.nodes

  it('see each publish and unpublish as soon as the staff request has answered', async () => {
    for (let round = 0; round < 3; round++) {
      const { body } = await gql(
        server.url,
        `mutation($h: String!) { createArticle(data: { headline: $h,
          authors: { connect: [{ slug: "arie-novarina" }] },
          body: [{ type: "paragraph", children: [{ text: "Isi." }] }] }) { id slug } }`,
        { cookie, variables: { h: `Kabar baca segera ${round}` } }
      )
      const { id, slug } = body.data.createArticle as { id: string; slug: string }
      expect(await story(slug)).toBeNull()
      await act('publishArticle', id)
      expect(await story(slug)).toEqual({ slug })
      expect(await latest()).toEqual([{ slug }])
      await act('unpublishArticle', id, ', reason: "Uji baca"')
      expect(await story(slug)).toBeNull()
      expect(await latest()).toEqual([{ slug: antaraStory.slug }])
    }
  }, 60_000)
})
