import * as common from './messages/common.ts'
import type { MessageKey } from './vi.ts'

export const en: Record<MessageKey, string> = {
  ...common.en
}
