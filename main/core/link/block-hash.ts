import { hash32 } from '../base/hash.ts'
import { memoText } from '../base/memo.ts'

/*
 * The hashes blocking keys are made of: 32-bit, built without strings or arrays, since
 * millions of records each emit dozens of keys.
 */

const round = (h: number, x: number): number => {
  const k = Math.imul(h ^ x, 0xcc9e2d51)
  return Math.imul((k << 15) | (k >>> 17), 0x1b873593)
}
const finish = (h: number): number => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** Combines two or three hashes (murmur3's mixing): order matters. No arrays, no garbage. */
export function mix(a: number, b: number, c?: number): number {
  const h = round(round(0x9747b28c, a), b)
  return finish(c === undefined ? h : round(h, c))
}

/** A cache of derived values per word: the vocabulary is small, the records many. */
export const perWord = <T>(derive: (w: string) => T): ((w: string) => T) => memoText(derive, 1_000_000)

export const wordHash = perWord(hash32)

/**
 * Hashes of an ID and of the ID with each character deleted, without building the strings
 * (IDs are unique, so nothing could be cached): a polynomial hash splits into prefix and
 * suffix, so each variant costs one multiply-add.
 */
const POLY = 0x01000193
// Scratch for emitIdDeletions, grown as needed: one per process, not one per ID.
let prefix = new Int32Array(32)
let suffix = new Int32Array(32)
let power = new Int32Array(32)
export function emitIdDeletions(id: string, emit: (key: number) => void): void {
  const n = id.length
  if (n + 2 > prefix.length) {
    prefix = new Int32Array(n * 2)
    suffix = new Int32Array(n * 2)
    power = new Int32Array(n * 2)
  }
  power[0] = 1
  prefix[0] = 0
  suffix[n] = 0
  for (let i = 0; i < n; i++) {
    prefix[i + 1] = (Math.imul(prefix[i] as number, POLY) + id.charCodeAt(i)) | 0
    power[i + 1] = Math.imul(power[i] as number, POLY)
  }
  for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(id.charCodeAt(i), power[n - 1 - i] as number) + (suffix[i + 1] as number)) | 0
  emit((prefix[n] as number) >>> 0)
  for (let k = 0; k < n; k++) {
    // A run of equal characters gives one variant: emit it once.
    if (k > 0 && id.charCodeAt(k) === id.charCodeAt(k - 1)) continue
    emit((Math.imul(prefix[k] as number, power[n - 1 - k] as number) + (suffix[k + 1] as number)) >>> 0)
  }
}

/** Order-free hash of words: the same words in any order give the same value. */
const sortBuf = new Float64Array(16)
export function unordered(words: readonly string[], hash: (w: string) => number): number {
  const n = Math.min(words.length, sortBuf.length)
  for (let i = 0; i < n; i++) {
    // Insertion sort of a handful of hashes: no array, no garbage.
    const h = hash(words[i] as string)
    let j = i
    while (j > 0 && (sortBuf[j - 1] as number) > h) {
      sortBuf[j] = sortBuf[j - 1] as number
      j--
    }
    sortBuf[j] = h
  }
  let h = 0
  for (let i = 0; i < n; i++) h = mix(h, sortBuf[i] as number)
  return h
}
