/**
 * The 2018 renumbering of Vietnam's 11-digit mobile numbers to 10 digits (Thông tư
 * 22/2014/TT-BTTTT, carried out September–November 2018): the old 4-digit prefix and the
 * new 3-digit one; the remaining 7 digits stay.
 */
export const OLD_MOBILE_PREFIX: Readonly<Record<string, string>> = {
  // Viettel
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  // MobiFone
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0126': '076',
  '0128': '078',
  // VinaPhone
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0127': '081',
  '0129': '082',
  // Vietnamobile
  '0186': '056',
  '0188': '058',
  // Gmobile
  '0199': '059'
}

/** The new 3-digit prefix → the old 4-digit one it replaced. */
export const NEW_TO_OLD_MOBILE_PREFIX: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(OLD_MOBILE_PREFIX).map(([old, now]) => [now, old])
)
