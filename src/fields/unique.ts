import type { KeystoneContext } from '@keystone-6/core/types'

/**
 * Unique indexes stay in the database as the last guard; this check turns the common case
 * into a validation error that names the field, instead of a Prisma constraint error.
 */
export async function isTaken(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
  context: KeystoneContext<any>,
  listKey: string,
  fieldKey: string,
  value: string,
  exceptId?: string
): Promise<boolean> {
  const where: Record<string, unknown> = { [fieldKey]: { equals: value } }
  if (exceptId !== undefined) where.NOT = { id: { equals: exceptId } }
  return (await context.sudo().db[listKey]!.count({ where })) > 0
}

export function itemId(item: unknown): string | undefined {
  return (item as { id?: string } | undefined)?.id
}
