/** Encrypted workspaces: the password prompt at open and the recovery secret shown once. */
export const vi = {
  'unlock.title': 'Không gian làm việc được mã hoá',
  'unlock.intro': 'Nhập mật khẩu của bạn (hoặc mã khôi phục của văn phòng) để mở {file}.',
  'unlock.password': 'Mật khẩu hoặc mã khôi phục',
  'unlock.submit': 'Mở',
  'unlock.cancel': 'Huỷ',
  'recovery.title': 'Mã khôi phục của văn phòng',
  'recovery.intro':
    'Tệp được mã hoá. Hãy ghi mã này ra giấy và cất nơi an toàn: nó chỉ hiện một lần, và mở được tệp khi mọi mật khẩu bị mất. Không ai khác giữ bản sao.',
  'recovery.done': 'Tôi đã ghi lại mã'
} as const

export const en: Record<keyof typeof vi, string> = {
  'unlock.title': 'This workspace is encrypted',
  'unlock.intro': 'Enter your password (or the office recovery secret) to open {file}.',
  'unlock.password': 'Password or recovery secret',
  'unlock.submit': 'Open',
  'unlock.cancel': 'Cancel',
  'recovery.title': 'Office recovery secret',
  'recovery.intro':
    'The file is encrypted. Write this secret down on paper and keep it safe: it is shown only once, and it opens the file when every password is lost. Nobody else keeps a copy.',
  'recovery.done': 'I have written it down'
}
