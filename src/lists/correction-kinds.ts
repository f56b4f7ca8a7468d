/** The kinds of Correction, as the select options of the list and of "Add correction". */
export const correctionKinds = [
  { label: 'Correction (Ralat)', value: 'correction' },
  { label: 'Clarification', value: 'clarification' },
  { label: 'Update', value: 'update' },
]
