import type { Context } from '../../generated/keystone/types'
import { transitions, type ActionName } from '../../src/workflow/transitions'

/** Runs `<action>Article` as `actor`, with the note or reason the action asks for. */
export async function act(
  ctx: Context,
  name: ActionName,
  id: string,
  version: number,
  text = 'Alasan redaksi'
) {
  const requires = (transitions[name] as { requires?: string }).requires
  const extra = requires ? `, ${requires}: $text` : ''
  const declared = requires ? ', $text: String' : ''
  return ctx.graphql.raw({
    query: `mutation($id: ID!, $version: Int!${declared}) {
      ${name}Article(where: { id: $id }, version: $version${extra}) { id status version }
    }`,
    variables: { id, version, ...(requires && { text }) },
  })
}
