import type { Comparison } from './types.ts'

/**
 * Administrative units by code: the finest unit both records know decides. Within one
 * ward, the same house and street (the address before the ward) is a level of its own:
 * a household, not a few thousand neighbours. How much more it says EM learns.
 */
export const location: Comparison = {
  name: 'location',
  field: 'admin_area',
  levels: ['same_address', 'same_ward', 'same_district', 'same_province', 'different'],
  compare(a, b) {
    if (a.ward && b.ward && a.ward === b.ward) return a.street !== null && a.street === b.street ? 0 : 1
    if (a.district && b.district) {
      if (a.district === b.district) return 2
      if (a.province && b.province && a.province === b.province) return 3
      return 4
    }
    if (a.province && b.province) return a.province === b.province ? 3 : 4
    return -1
  }
}
