// Arguments that the database would refuse, or run slowly, are refused before execution (issue
// 12 §1 of the HTTP round): a negative `skip` (Prisma: "skip must be positive"), a 100 KB
// `contains` pattern ("LIKE or GLOB pattern too complex"), an `in` of 8,000 ids or an `OR` of
// 3,000 filters (seconds of SQL, or "too many SQL variables"), an `orderBy` of 2,000 terms ("too
// many terms in ORDER BY"). ./cost.ts feeds every field's arguments, variables applied, to
// `noteArguments` while it measures; ./budget-plugin.ts compares the figures with the caller's
// budget (./budgets.ts) through `argumentRefusal`. Mutation `data` is not walked: its text has
// the fields' own limits (src/fields/text-limits.ts).
import { GraphQLError } from 'graphql'
import type { Budget, Caller } from './budgets'

export type ArgumentFigures = {
  /** The smallest `skip` stated on any field (0 when none is below it). */
  smallestSkip: number
  /** The longest text in any `where` or `cursor` argument, in characters. */
  longestFilterText: number
  /** Items of every list inside `where`/`cursor` arguments (`in`, `notIn`, `AND`, `OR`, `NOT`), summed over the request. */
  filterItems: number
  /** The most `orderBy` terms of any field. */
  orderByTerms: number
}

export const noFigures = (): ArgumentFigures => ({
  smallestSkip: 0,
  longestFilterText: 0,
  filterItems: 0,
  orderByTerms: 0,
})

/** Walks a filter value (iteratively: its depth is bounded elsewhere, but not trusted here). */
function noteFilter(value: unknown, figures: ArgumentFigures) {
  const stack = [value]
  while (stack.length > 0) {
    const item = stack.pop()
    if (typeof item === 'string') {
      figures.longestFilterText = Math.max(figures.longestFilterText, item.length)
    } else if (Array.isArray(item)) {
      figures.filterItems += item.length
      stack.push(...item)
    } else if (item !== null && typeof item === 'object') {
      stack.push(...Object.values(item))
    }
  }
}

/** Adds one field's coerced arguments (variables resolved) to `figures`. */
export function noteArguments(args: Record<string, unknown>, figures: ArgumentFigures) {
  if (typeof args.skip === 'number') {
    figures.smallestSkip = Math.min(figures.smallestSkip, args.skip)
  }
  if (Array.isArray(args.orderBy)) {
    figures.orderByTerms = Math.max(figures.orderByTerms, args.orderBy.length)
  }
  for (const name of ['where', 'cursor']) if (name in args) noteFilter(args[name], figures)
}

const refuse = (code: string, message: string, limit: number, caller: Caller) =>
  new GraphQLError(`${message} (${caller} requests).`, {
    extensions: { code, caller, limit, http: { status: 400 } },
  })

/** The first argument limit the figures break, as the 400 to answer with; null if none. */
export function argumentRefusal(
  f: ArgumentFigures,
  caller: Caller,
  budget: Budget
): GraphQLError | null {
  if (f.smallestSkip < 0) {
    return refuse('BAD_USER_INPUT', `skip must be 0 or more, not ${f.smallestSkip}`, 0, caller)
  }
  if (f.longestFilterText > budget.maxFilterText) {
    const message =
      `A filter holds a text of ${f.longestFilterText} characters; ` +
      `at most ${budget.maxFilterText} are allowed`
    return refuse('BAD_USER_INPUT', message, budget.maxFilterText, caller)
  }
  if (f.filterItems > budget.maxFilterItems) {
    const message =
      `The filters list ${f.filterItems} items (in, notIn, AND, OR, NOT together); ` +
      `at most ${budget.maxFilterItems} are allowed per request`
    return refuse('BAD_USER_INPUT', message, budget.maxFilterItems, caller)
  }
  if (f.orderByTerms > budget.maxOrderBy) {
    const message = `orderBy has ${f.orderByTerms} terms; at most ${budget.maxOrderBy} are allowed`
    return refuse('BAD_USER_INPUT', message, budget.maxOrderBy, caller)
  }
  return null
}
