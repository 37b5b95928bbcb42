import { Weighted, type Rng } from '../base/random.ts'

/**
 * 10-digit mobile prefixes in use in 2021, weighted roughly by subscribers (Viettel's
 * 03x, renumbered from 016x in 2018, is the biggest block).
 */
const PREFIXES = new Weighted<string>([
  ['032', 4],
  ['033', 4],
  ['034', 4],
  ['035', 4],
  ['036', 4],
  ['037', 4],
  ['038', 4],
  ['039', 4],
  ['086', 4],
  ['096', 5],
  ['097', 6],
  ['098', 6],
  ['081', 1.5],
  ['082', 1.5],
  ['083', 1.5],
  ['084', 1.5],
  ['085', 1.5],
  ['088', 2],
  ['091', 4],
  ['094', 3.5],
  ['070', 1.5],
  ['076', 1],
  ['077', 1.5],
  ['078', 1],
  ['079', 1.5],
  ['089', 2],
  ['090', 4.5],
  ['093', 3],
  ['056', 0.7],
  ['058', 0.7],
  ['092', 1],
  ['059', 0.5],
  ['099', 0.3]
])

export function drawPhone(rng: Rng): string {
  return PREFIXES.draw(rng) + rng.digits(7)
}
