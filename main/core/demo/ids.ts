import { cccdGenderCenturyDigit } from '../data/cccd-provinces.ts'
import { seededHash32 } from '../base/hash.ts'
import type { Rng } from '../base/random.ts'
import type { Gender } from './types.ts'

/**
 * The issuing-area prefix of the old 9-digit CMND, by GSO province code. Provinces that
 * were one before the 1990s splits share a prefix (Nghệ An and Hà Tĩnh: 18...). Used only
 * to make realistic-looking CMND numbers: the CMND has no checkable structure.
 */
const CMND_PREFIX: Readonly<Record<string, string>> = {
  '01': '01',
  '79': '02',
  '31': '03',
  '11': '04',
  '12': '04',
  '14': '05',
  '10': '06',
  '15': '06',
  '02': '07',
  '08': '07',
  '20': '08',
  '04': '08',
  '19': '09',
  '06': '09',
  '22': '10',
  '17': '11',
  '24': '12',
  '27': '12',
  '25': '13',
  '26': '13',
  '30': '14',
  '33': '14',
  '34': '15',
  '36': '16',
  '35': '16',
  '37': '16',
  '38': '17',
  '40': '18',
  '42': '18',
  '44': '19',
  '45': '19',
  '46': '19',
  '48': '20',
  '49': '20',
  '51': '21',
  '52': '21',
  '54': '22',
  '56': '22',
  '62': '23',
  '64': '23',
  '66': '24',
  '67': '24',
  '68': '25',
  '58': '26',
  '60': '26',
  '75': '27',
  '77': '27',
  '74': '28',
  '70': '28',
  '72': '29',
  '80': '30',
  '82': '31',
  '83': '32',
  '86': '33',
  '84': '33',
  '87': '34',
  '89': '35',
  '92': '36',
  '93': '36',
  '94': '36',
  '91': '37',
  '96': '38',
  '95': '38'
}

const BLOCK = 10

/**
 * Hands out ID suffixes that are unique within a bucket (a CCCD's province, gender,
 * century and birth year; a CMND's prefix) and look random: bucket counters go through
 * an affine permutation of blocks of ten consecutive numbers. Twins registered together
 * get neighbouring numbers from one block, as they do in real life.
 */
export class IdAllocator {
  private readonly counters = new Map<string, number>()
  private readonly blocks: number
  private readonly digits: number
  private readonly seed: number

  constructor(seed: number, digits: number) {
    this.seed = seed
    this.digits = digits
    this.blocks = 10 ** (digits - 1)
  }

  one(rng: Rng, bucket: string): string {
    return this.format(this.nextBlock(bucket) * BLOCK + rng.int(BLOCK))
  }

  /** Two consecutive numbers, for twins. */
  pair(rng: Rng, bucket: string): [string, string] {
    const first = this.nextBlock(bucket) * BLOCK + rng.int(BLOCK - 1)
    return [this.format(first), this.format(first + 1)]
  }

  private nextBlock(bucket: string): number {
    const k = this.counters.get(bucket) ?? 0
    if (k >= this.blocks) throw new Error(`ID space of bucket ${bucket} exhausted`)
    this.counters.set(bucket, k + 1)
    const h = seededHash32(bucket, this.seed)
    // a coprime with 10^n makes x → a·x + b a permutation of the blocks.
    let a = (h % this.blocks) | 1
    while (a % 5 === 0) a += 2
    const b = seededHash32(bucket, ~this.seed) % this.blocks
    return ((((a % this.blocks) * k + b) % this.blocks) + this.blocks) % this.blocks
  }

  private format(n: number): string {
    return String(n).padStart(this.digits, '0')
  }
}

/** The first six digits of a CCCD: province of birth registration, gender and century, birth year. */
export function cccdPrefix(provinceCode: string, gender: Gender, birthYear: number): string {
  return `0${provinceCode}${cccdGenderCenturyDigit(gender, birthYear)}${String(birthYear % 100).padStart(2, '0')}`
}

export function cmndPrefix(provinceCode: string): string {
  const p = CMND_PREFIX[provinceCode]
  if (!p) throw new Error(`no CMND prefix for province ${provinceCode}`)
  return p
}

export class IdIssuer {
  private readonly cccd: IdAllocator
  private readonly cmnd: IdAllocator

  constructor(seed: number) {
    this.cccd = new IdAllocator(seed, 6)
    this.cmnd = new IdAllocator(seed ^ 0x5bd1e995, 7)
  }

  cccdFor(rng: Rng, provinceCode: string, gender: Gender, birthYear: number): string {
    const prefix = cccdPrefix(provinceCode, gender, birthYear)
    return prefix + this.cccd.one(rng, prefix)
  }

  cccdPair(rng: Rng, provinceCode: string, gender: Gender, birthYear: number): [string, string] {
    const prefix = cccdPrefix(provinceCode, gender, birthYear)
    const [a, b] = this.cccd.pair(rng, prefix)
    return [prefix + a, prefix + b]
  }

  cmndFor(rng: Rng, provinceCode: string): string {
    const prefix = cmndPrefix(provinceCode)
    return prefix + this.cmnd.one(rng, prefix)
  }

  cmndPair(rng: Rng, provinceCode: string): [string, string] {
    const prefix = cmndPrefix(provinceCode)
    const [a, b] = this.cmnd.pair(rng, prefix)
    return [prefix + a, prefix + b]
  }
}
