import pkg from '../../../package.json' with { type: 'json' }

/** This build's version, written into every batch and report so the receiving side knows what made them. */
export const APP_VERSION: string = pkg.version
