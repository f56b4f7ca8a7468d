// The list hooks every profile list shares: a profile in use by a story in front of readers
// cannot be deleted (profile-in-use.ts) nor taken off such a story from its own side
// (back-references.ts); deleting one is refused or changes the stories it is taken off
// (profile-delete.ts); organizations and places form no cycles (hierarchy.ts).
import type { KeystoneContext } from '@keystone-6/core/types'
import { backReferenceProblem } from './back-references'
import { membershipProblems, NEW_ITEM, parentProblems } from './hierarchy'
import { inUseProblem, type Profile } from './profile-in-use'
import { deleteProblems, touchStoriesUsing } from './profile-delete'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>
type ValidateArgs = {
  operation: 'create' | 'update' | 'delete'
  item?: unknown
  resolvedData?: unknown
  context: Context
  addValidationError: (message: string) => void
}

type BeforeArgs = {
  operation: 'create' | 'update' | 'delete'
  item?: { id: unknown }
  context: Context
}

const hierarchical: Partial<Record<Profile, { parent: boolean; membership: boolean }>> = {
  Organization: { parent: true, membership: true },
  Place: { parent: true, membership: false },
}

/** `hooks` for the profile list `list`. Messages start "This organization …". */
export function profileHooks(list: Profile) {
  const noun = `This ${list.toLowerCase()}`
  return {
    async validate({ operation, item, resolvedData, context, addValidationError }: ValidateArgs) {
      const current = (item ?? { id: NEW_ITEM }) as { id: unknown; parentId?: unknown }
      if (operation === 'delete') {
        const problem = await inUseProblem(context, list, String(current.id))
        if (problem) addValidationError(`${noun} ${problem}`)
        for (const more of await deleteProblems(context, list, String(current.id))) {
          addValidationError(`${noun} ${more}`)
        }
        return
      }
      const kinds = hierarchical[list]
      const data = (resolvedData ?? {}) as Parameters<typeof parentProblems>[3] &
        Parameters<typeof membershipProblems>[2]
      const taken =
        operation === 'update' &&
        (await backReferenceProblem(
          context,
          list,
          String(current.id),
          data as Record<string, unknown>
        ))
      const problems = [
        ...(taken ? [taken] : []),
        ...(kinds?.parent ? await parentProblems(context, list, current, data) : []),
        ...(kinds?.membership ? await membershipProblems(context, current, data) : []),
      ]
      for (const problem of problems) addValidationError(`${noun} ${problem}`)
    },
    // Taken off the stories that use it: each one changes (after validation: a refused delete
    // touches nothing).
    async beforeOperation({ operation, item, context }: BeforeArgs) {
      if (operation === 'delete') await touchStoriesUsing(context, list, String(item?.id))
    },
  }
}
