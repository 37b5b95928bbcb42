import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Electron's fuse wire: a sentinel, a version byte, a length byte, then one byte per fuse
 * ('0' off, '1' on). Electron's own binary carries it; electron-builder finds it and flips the
 * fuses the configuration names, exactly as it would in the real binary.
 */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** Electron 45's defaults, in @electron/fuses' FuseV1Options order (RunAsNode first). */
const ELECTRON_45_DEFAULT_WIRE = '10110001'

/**
 * A stand-in for an unpacked Electron distribution (the folder electron-builder's
 * `electronDist` points at), for machines where Electron's binary cannot be downloaded.
 * It holds what electron-builder copies and patches, with a shell script as the executable.
 */
export function writeStandInElectronDist(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const script = Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary"\nexit 0\n')
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, ELECTRON_45_DEFAULT_WIRE.length]),
    Buffer.from(ELECTRON_45_DEFAULT_WIRE)
  ])
  writeFileSync(join(dir, 'electron'), Buffer.concat([script, wire]))
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n')
  writeFileSync(join(dir, 'version'), '45.5.0')
}
