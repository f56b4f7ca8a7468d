// The budget's verdict (./budget.ts overBudget: two cost walks over the document) is the same for
// every request that sends the same document, operation and page arguments: a story page asked
// for ten thousand slugs is one verdict, not ten thousand. Passes are remembered per parsed
// document (which the HTTP layer caches by query text) and keyed by the values of every variable
// that can change the cost: all of them except those used only as a field's `slug`, `filter` or
// `role`, which no estimator reads (a directive's `if` can drop fields, so it is keyed, as are
// `first`, `after` and any argument added later). Refusals are not remembered.
import {
  Kind,
  visit,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql'
import { overBudget } from './budget'

/** Distinct argument combinations remembered per document; past it the document starts over. */
export const VERDICTS_PER_DOCUMENT = 64
// Field arguments the cost estimators never read (./budget.ts pageEstimator reads `first` and
// `after`): a variable used only in these does not change the verdict.
const NEUTRAL_ARGUMENTS = new Set(['slug', 'filter', 'role'])

type Entry = { variables: string[]; passed: Set<string> }

function variablesIn(value: ValueNode, into: Set<string>) {
  if (value.kind === Kind.VARIABLE) into.add(value.name.value)
  else if (value.kind === Kind.LIST) for (const v of value.values) variablesIn(v, into)
  else if (value.kind === Kind.OBJECT) for (const f of value.fields) variablesIn(f.value, into)
}

/** Names of the variables that may change the document's cost (see above). */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>()
  visit(document, {
    Field(node) {
      for (const arg of node.arguments ?? [])
        if (!NEUTRAL_ARGUMENTS.has(arg.name.value)) variablesIn(arg.value, names)
    },
    Directive(node) {
      for (const arg of node.arguments ?? []) variablesIn(arg.value, names)
    },
  })
  return [...names].sort()
}

/**
 * overBudget with its passes remembered: the same answer as overBudget for every input (a
 * variable that is not a page argument can still be invalid; execution refuses it then, as it
 * does today for any invalid variable).
 */
export function budgetChecker(schema: GraphQLSchema) {
  const entries = new WeakMap<DocumentNode, Entry>()
  return (
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined
  ): GraphQLError | null => {
    let entry = entries.get(document)
    if (!entry) entries.set(document, (entry = { variables: costVariables(document), passed: new Set() })) // prettier-ignore
    // Absent and null differ (a default applies only to the absent), so each is spelled apart.
    const key = JSON.stringify([
      operationName ?? null,
      ...entry.variables.map(name =>
        variables && name in variables ? ['=', variables[name]] : ['absent']
      ),
    ])
    if (entry.passed.has(key)) return null
    const verdict = overBudget(schema, document, variables, operationName)
    if (verdict === null) {
      if (entry.passed.size >= VERDICTS_PER_DOCUMENT) entry.passed.clear()
      entry.passed.add(key)
    }
    return verdict
  }
}
