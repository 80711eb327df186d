/**
 * Why an import stopped, with the process exit code the CLI uses for it. Messages name the problem and
 * where it is (file, feature, line); they never carry SQL or stack traces.
 */
export const EXIT_CODES = {
  /** Bad command line: unknown layer, unknown --crs or --encoding, missing file argument. */
  usage: 2,
  /** The file cannot be read as a whole: malformed JSON, empty, truncated zip, unsupported CRS. */
  unreadable: 3,
  /** The file was read but features were rejected; nothing was written. */
  rejected: 4,
} as const

export type ImportErrorKind = keyof typeof EXIT_CODES

export class ImportError extends Error {
  override name = 'ImportError'
  constructor(
    readonly kind: ImportErrorKind,
    message: string,
  ) {
    super(message)
  }

  get exitCode(): number {
    return EXIT_CODES[this.kind]
  }
}

export const usageError = (message: string) => new ImportError('usage', message)
export const unreadable = (message: string) => new ImportError('unreadable', message)
