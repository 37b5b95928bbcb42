import { describe, expect, it } from 'vitest'
import { givenName, surname } from '../../../main/core/link/compare/name.ts'
import { explain, probability, priorWeight, type LinkModel } from '../../../main/core/link/model/score.ts'
import { buildTermFrequencies } from '../../../main/core/link/model/tf.ts'
import { prep } from './prep.ts'

describe('match weights', () => {
  const people = [
    ...Array.from({ length: 38 }, (_, i) => prep({ full_name: `Nguyễn Văn T${i}` })),
    ...Array.from({ length: 61 }, (_, i) => prep({ full_name: `Trần Thị Lan${i}` })),
    prep({ full_name: 'Lò Văn Páo' })
  ]
  const model: LinkModel = {
    comparisons: [
      { comparison: givenName, m: [0.9, 0.05, 0.01, 0.02, 0.01, 0.001, 0.01], u: [0.01, 0.005, 0.005, 0.01, 0.02, 0.001, 0.95] },
      { comparison: surname, m: [0.9, 0.05, 0.01, 0.02, 0.01, 0.01], u: [0.2, 0.05, 0.01, 0.02, 0.02, 0.7] }
    ],
    lambda: 1e-5,
    tf: buildTermFrequencies([people])
  }
  const weightOf = (a: string, b: string, c: string) =>
    explain(model, prep({ full_name: a }), prep({ full_name: b })).find((x) => x.comparison === c)

  it('adjusts agreement for how common the name is: Lò says more than Nguyễn', () => {
    const nguyen = weightOf('Nguyễn Văn Páo', 'Nguyễn Văn Páo', 'surname')
    const lo = weightOf('Lò Văn Páo', 'Lò Văn Páo', 'surname')
    expect(nguyen?.frequency).toBeCloseTo(0.38, 2)
    expect(lo?.frequency).toBeCloseTo(0.01, 2)
    expect((lo?.weight ?? 0) - (nguyen?.weight ?? 0)).toBeCloseTo(Math.log2(0.38 / 0.01), 1)
  })

  it('starts the waterfall at the prior and marks a swapped reading', () => {
    const w = explain(model, prep({ full_name: 'Lò Văn Páo' }), prep({ full_name: 'Páo Lò Văn' }))
    expect(w[0]).toEqual({ comparison: 'prior', level: null, weight: Math.round(priorWeight(1e-5) * 100) / 100 })
    expect(w.find((x) => x.comparison === 'given_name')).toMatchObject({ level: 'exact', swapped: true })
  })

  it('turns weights into probabilities', () => {
    expect(probability(0)).toBe(0.5)
    expect(probability(10)).toBeCloseTo(1024 / 1025, 6)
  })
})
