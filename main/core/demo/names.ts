import { boyNames, girlNames } from '../data/vn-names.ts'
import { Weighted, type Rng } from '../base/random.ts'
import type { Gender, PersonName } from './types.ts'

/**
 * Surname shares in per cent, close to published estimates for Vietnam (Nguyễn about
 * 38%, Trần 11%, Lê 9.5%, Phạm 7%, Hoàng/Huỳnh 5%, Phan 4.5%, Vũ/Võ 4%...), with the rare
 * ones that matter for frequency-adjusted matching (agreeing on "Lò" says far more than
 * agreeing on "Nguyễn").
 */
export const SURNAME_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38.0],
  ['Trần', 11.0],
  ['Lê', 9.5],
  ['Phạm', 7.0],
  ['Hoàng', 3.0],
  ['Huỳnh', 2.1],
  ['Phan', 4.5],
  ['Vũ', 2.0],
  ['Võ', 1.9],
  ['Đặng', 2.1],
  ['Bùi', 2.0],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1.0],
  ['Lý', 0.5],
  ['Đinh', 0.8],
  ['Đào', 0.7],
  ['Đoàn', 0.7],
  ['Trương', 0.7],
  ['Lâm', 0.6],
  ['Mai', 0.6],
  ['Trịnh', 0.6],
  ['Cao', 0.6],
  ['Hà', 0.6],
  ['Lương', 0.5],
  ['Tạ', 0.3],
  ['Lưu', 0.3],
  ['Phùng', 0.3],
  ['Nông', 0.3],
  ['Chu', 0.2],
  ['Tô', 0.2],
  ['Vương', 0.2],
  ['Châu', 0.2],
  ['Triệu', 0.2],
  ['Thái', 0.15],
  ['Tống', 0.15],
  ['Đàm', 0.15],
  ['Kiều', 0.1],
  ['Quách', 0.1],
  ['Hứa', 0.08],
  ['Từ', 0.08],
  ['Nghiêm', 0.06],
  ['La', 0.05],
  ['Tăng', 0.05],
  ['Mạc', 0.05],
  ['Thạch', 0.05],
  ['Doãn', 0.04],
  ['Lục', 0.04],
  ['Vi', 0.04],
  ['Lò', 0.04],
  ['Danh', 0.03],
  ['Lã', 0.03],
  ['Giáp', 0.03],
  ['Diệp', 0.03],
  ['Khúc', 0.03],
  ['Quàng', 0.02],
  ['Âu', 0.02],
  ['Ông', 0.02],
  ['Kha', 0.02],
  ['Bạch', 0.02]
]

// Middle names that mark gender ("tên đệm"): Văn and Thị dominate.
const MALE_MIDDLE = new Weighted<string>([
  ['Văn', 55],
  ['Đức', 9],
  ['Hữu', 8],
  ['Quang', 6],
  ['Công', 5],
  ['Minh', 5],
  ['Đình', 4],
  ['Xuân', 3],
  ['Trọng', 3],
  ['Mạnh', 2]
])
const FEMALE_MIDDLE = new Weighted<string>([
  ['Thị', 75],
  ['Ngọc', 6],
  ['Thu', 4],
  ['Thanh', 4],
  ['Kim', 3],
  ['Hồng', 3],
  ['Bích', 2],
  ['Phương', 2],
  ['Diệu', 1]
])

const SURNAMES = new Weighted(SURNAME_WEIGHTS)

type Shape = 'middle+given' | 'lead+given' | 'middle+lead+given'
const MALE_SHAPE = new Weighted<Shape>([
  ['middle+given', 52],
  ['lead+given', 43],
  ['middle+lead+given', 5]
])
const FEMALE_SHAPE = new Weighted<Shape>([
  ['middle+given', 45],
  ['lead+given', 38],
  ['middle+lead+given', 17]
])

export function drawSurname(rng: Rng): string {
  return SURNAMES.draw(rng)
}

/**
 * A gendered name. The name lists hold a lead syllable and a given name ("Anh Dũng"):
 * people are called "Nguyễn Văn Dũng" (gendered middle name), "Trần Anh Dũng" (the pair
 * as is) or, mostly for women, "Nguyễn Thị Thu Hà" (both).
 */
export function drawName(rng: Rng, gender: Gender, surname = drawSurname(rng)): PersonName {
  const [lead, given] = drawGivenPair(rng, gender)
  const shape = (gender === 'M' ? MALE_SHAPE : FEMALE_SHAPE).draw(rng)
  const middleName = () => (gender === 'M' ? MALE_MIDDLE : FEMALE_MIDDLE).draw(rng)
  const middle = shape === 'lead+given' ? [lead] : shape === 'middle+given' ? [middleName()] : [middleName(), lead]
  // "Nguyễn Văn Văn" and the like do not happen.
  const deduped = middle.filter((m, i) => m !== given && middle.indexOf(m) === i)
  return { surname, middle: deduped, given }
}

/** Another given name for a twin: same gender rules, never the sibling's given name. */
export function drawTwinName(rng: Rng, gender: Gender, sibling: PersonName): PersonName {
  for (;;) {
    const name = drawName(rng, gender, sibling.surname)
    if (name.given !== sibling.given) {
      // Twins often share the middle name their parents chose.
      return rng.chance(0.6) && sibling.middle.length > 0 ? { ...name, middle: sibling.middle } : name
    }
  }
}

function drawGivenPair(rng: Rng, gender: Gender): [string, string] {
  const entry = rng.pick(gender === 'M' ? boyNames : girlNames)
  const [lead = '', given = ''] = entry.split(' ')
  return [lead, given]
}

export function fullName(n: PersonName): string {
  return [n.surname, ...n.middle, n.given].join(' ')
}
