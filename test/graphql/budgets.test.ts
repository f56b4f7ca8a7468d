// The budgets' configuration (src/graphql/budgets.ts): defaults, environment overrides, and a
// clear refusal to start on a value that is not a positive whole number.
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_BODY_LIMIT,
  DEFAULT_BUDGETS,
  readBodyLimit,
  readBudgets,
  TAKE_CEILING,
} from '../../src/graphql/budgets'

describe('GraphQL budgets from the environment', () => {
  it('defaults: anonymous callers strictest on every figure', () => {
    const budgets = readBudgets({})
    expect(budgets).toEqual(DEFAULT_BUDGETS)
    for (const key of Object.keys(budgets.anonymous) as (keyof typeof budgets.anonymous)[]) {
      expect(budgets.anonymous[key]).toBeLessThanOrEqual(budgets.staff[key])
    }
    expect(budgets.staff.maxTake).toBe(TAKE_CEILING)
    expect(readBodyLimit({})).toBe(DEFAULT_BODY_LIMIT)
  })

  it('each figure can be set per caller', () => {
    const budgets = readBudgets({
      WARTA_GRAPHQL_ANONYMOUS_MAX_DEPTH: '4',
      WARTA_GRAPHQL_STAFF_MAX_COST: '1000000',
      WARTA_GRAPHQL_ANONYMOUS_MAX_QUERIES: ' 60 ',
    })
    expect(budgets.anonymous).toEqual({ ...DEFAULT_BUDGETS.anonymous, maxDepth: 4, maxQueries: 60 })
    expect(budgets.staff).toEqual({ ...DEFAULT_BUDGETS.staff, maxCost: 1_000_000 })
    expect(readBodyLimit({ WARTA_GRAPHQL_BODY_LIMIT: '2097152' })).toBe(2 * 1024 * 1024)
  })

  it('the argument limits (filter text, filter items, orderBy terms) can be set too', () => {
    const staff = readBudgets({
      WARTA_GRAPHQL_STAFF_MAX_FILTER_TEXT: '200',
      WARTA_GRAPHQL_STAFF_MAX_FILTER_ITEMS: '2000',
      WARTA_GRAPHQL_STAFF_MAX_ORDER_BY: '3',
    }).staff
    expect(staff).toMatchObject({ maxFilterText: 200, maxFilterItems: 2000, maxOrderBy: 3 })
  })

  it('a take maximum past the schema’s ceiling is held to it (Keystone refuses more anyway)', () => {
    expect(readBudgets({ WARTA_GRAPHQL_STAFF_MAX_TAKE: '5000' }).staff.maxTake).toBe(TAKE_CEILING)
  })

  it('refuses a value that is not a positive whole number, naming the variable', () => {
    for (const value of ['0', '-5', '1.5', 'ten', '1e3']) {
      expect(() => readBudgets({ WARTA_GRAPHQL_ANONYMOUS_MAX_ALIASES: value })).toThrow(
        `WARTA_GRAPHQL_ANONYMOUS_MAX_ALIASES must be a positive whole number, not "${value}"`
      )
    }
    expect(() => readBodyLimit({ WARTA_GRAPHQL_BODY_LIMIT: '4MB' })).toThrow(/BODY_LIMIT/)
  })
})
