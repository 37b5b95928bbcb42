import { resolve } from 'node:path'
import { VaxError } from '../core/base/errors.ts'

/** What a path chosen in a dialog run by main may be used for. */
export type PathPurpose = 'workspace' | 'import' | 'export-dir'

/**
 * The paths this window's user chose in dialogs run by main (or main made itself, such as
 * a converted copy): the only paths a channel reads or writes. A compromised page can
 * name any path it likes; only these are honoured.
 */
export class PathGrants {
  private readonly granted = new Map<string, Set<PathPurpose>>()

  /** Records a dialog's answer and hands it back (null when cancelled). */
  grant(path: string | null, purpose: PathPurpose): string | null {
    if (path === null) return null
    const key = resolve(path)
    const purposes = this.granted.get(key) ?? new Set<PathPurpose>()
    purposes.add(purpose)
    this.granted.set(key, purposes)
    return path
  }

  /** The path, if a dialog granted it for this purpose; otherwise a refusal. */
  require(path: string, purpose: PathPurpose): string {
    if (this.granted.get(resolve(path))?.has(purpose)) return path
    throw new VaxError(
      'PATH_NOT_CHOSEN',
      {
        vi: 'Đường dẫn này không được chọn qua hộp thoại của ứng dụng. Hãy chọn tệp hoặc thư mục bằng nút Chọn.',
        en: "This path was not chosen in the app's own dialog. Please pick the file or folder with the Choose button."
      },
      { purpose }
    )
  }
}
