import { NEW_TO_OLD_MOBILE_PREFIX } from '../../data/mobile-prefixes.ts'
import type { Rng } from '../../base/random.ts'

interface PhoneRates {
  phone_missing?: { p: number }
  phone_plus84: { p: number }
  phone_84?: { p: number }
  phone_old_prefix?: { p: number }
  phone_number?: { p: number }
  phone_spaces?: { p: number }
}

/**
 * A phone as one row writes it, from the person's 10-digit number. The forms exclude
 * each other; the old 11-digit form applies only to numbers renumbered in 2018.
 */
export function noisyPhone(rng: Rng, phone: string | null, rates: PhoneRates, tags: string[]): string | number | null {
  if (phone === null) return null
  if (rates.phone_missing && rng.chance(rates.phone_missing.p)) {
    tags.push('phone_missing')
    return null
  }
  const bands: [string, number][] = [
    ['phone_plus84', rates.phone_plus84.p],
    ['phone_84', rates.phone_84?.p ?? 0],
    ['phone_old_prefix', rates.phone_old_prefix?.p ?? 0],
    ['phone_number', rates.phone_number?.p ?? 0],
    ['phone_spaces', rates.phone_spaces?.p ?? 0]
  ]
  let x = rng.float()
  for (const [tag, p] of bands) {
    if (x >= p) {
      x -= p
      continue
    }
    const rest = phone.slice(1)
    switch (tag) {
      case 'phone_plus84':
        tags.push(tag)
        return `+84${rest}`
      case 'phone_84':
        tags.push(tag)
        return `84${rest}`
      case 'phone_old_prefix': {
        const old = NEW_TO_OLD_MOBILE_PREFIX[phone.slice(0, 3)]
        if (!old) return phone
        tags.push(tag)
        return old + phone.slice(3)
      }
      case 'phone_number':
        tags.push(tag)
        return Number(phone)
      default:
        tags.push(tag)
        return rng.chance(0.5)
          ? `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`
          : `${phone.slice(0, 4)}.${phone.slice(4, 7)}.${phone.slice(7)}`
    }
  }
  return phone
}
