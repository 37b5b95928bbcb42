import { describe, expect, it } from 'vitest'
import { jaroWinkler, oneDigitOrSwap, oneEditApart } from '../../../main/core/base/similarity.ts'
import { foldForMatch, hasDiacritics } from '../../../main/core/base/vn-text.ts'

describe('text primitives', () => {
  it('folds Vietnamese diacritics, including đ, and NFD input', () => {
    expect(foldForMatch('Nguyễn Thị Đào')).toBe('nguyen thi dao')
    expect(foldForMatch('Nguye\u0302\u0303n')).toBe('nguyen')
    expect(hasDiacritics('Nguyễn Văn Anh')).toBe(true)
    expect(hasDiacritics('NGUYEN VAN ANH')).toBe(false)
  })

  it('computes Jaro–Winkler as published (Winkler 1990 examples)', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3)
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2)
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3)
    expect(jaroWinkler('anh', 'anh')).toBe(1)
    expect(jaroWinkler('abc', 'xyz')).toBe(0)
    expect(jaroWinkler('', 'a')).toBe(0)
  })

  it('recognises one keystroke: substitution, insertion, deletion, adjacent swap', () => {
    expect(oneEditApart('huong', 'huomg')).toBe(true)
    expect(oneEditApart('huong', 'hung')).toBe(true)
    expect(oneEditApart('hung', 'huong')).toBe(true)
    expect(oneEditApart('huong', 'huogn')).toBe(true)
    expect(oneEditApart('huong', 'huong')).toBe(false)
    expect(oneEditApart('huong', 'hoang')).toBe(false)
    expect(oneDigitOrSwap('079085001234', '079085001243')).toBe(true)
    expect(oneDigitOrSwap('079085001234', '79085001234')).toBe(false)
  })
})
