import type { Comparison } from './types.ts'

export const gender: Comparison = {
  name: 'gender',
  field: 'sex',
  levels: ['agree', 'disagree'],
  compare: (a, b) => (!a.gender || !b.gender ? -1 : a.gender === b.gender ? 0 : 1)
}
