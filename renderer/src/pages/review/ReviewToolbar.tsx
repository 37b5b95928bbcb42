import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'

export interface ToolbarAction {
  label: MessageKey
  keyHint: string
  testId: string
  run(): void
}

/**
 * A button that never takes the focus from the grid when clicked (mousedown is swallowed),
 * so the next key still reaches the row the clerk was on. Tab and Enter still reach it.
 */
function ActionButton({ a, role }: { a: ToolbarAction; role?: string }) {
  const { t } = useI18n()
  return (
    <button type="button" role={role} onMouseDown={(e) => e.preventDefault()} onClick={a.run} data-testid={a.testId}>
      {t(a.label)} <kbd>{a.keyHint}</kbd>
    </button>
  )
}

/** Less-used actions behind one button; every one of them also has its key. */
function MoreMenu({ actions, onClose }: { actions: ToolbarAction[]; onClose(): void }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const menu = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    menu.current?.querySelector('button')?.focus()
    const away = (e: MouseEvent) => {
      if (!(e.target instanceof Node && menu.current?.parentElement?.contains(e.target))) setOpen(false)
    }
    document.addEventListener('mousedown', away)
    return () => document.removeEventListener('mousedown', away)
  }, [open])
  const close = () => {
    setOpen(false)
    onClose()
  }
  return (
    <div
      className="more-menu"
      // A shortcut pressed while the menu is open hands the keys to the grid: the menu closes with it.
      onBlur={(e) => {
        if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setOpen(false)
      }}
    >
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setOpen((o) => !o)}
        data-testid="act-more"
      >
        {t('review.action.more')} ▾
      </button>
      {open && (
        <div
          ref={menu}
          role="menu"
          className="more-menu-list"
          data-testid="more-menu"
          onKeyDown={(e) => {
            const items = [...(menu.current?.querySelectorAll('button') ?? [])]
            const at = items.indexOf(document.activeElement as HTMLButtonElement)
            if (e.key === 'Escape') close()
            else if (e.key === 'ArrowDown' || e.key === 'ArrowUp')
              items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus()
            else return
            e.preventDefault()
            e.stopPropagation()
          }}
        >
          {actions.map((a) => (
            <ActionButton key={a.testId} role="menuitem" a={{ ...a, run: () => (close(), a.run()) }} />
          ))}
        </div>
      )}
    </div>
  )
}

/**
 * The review toolbar on one line: search and row count, the decisions a clerk makes on
 * every row, and the rest behind "More". What the focused cell decides is said after it.
 */
export function ReviewToolbar(props: {
  search: ReactNode
  count: ReactNode
  main: ToolbarAction[]
  more: ToolbarAction[]
  onMenuClosed(): void
}) {
  const { t } = useI18n()
  return (
    <div className="review-toolbar" role="toolbar" aria-label={t('review.action.help')} data-testid="review-toolbar">
      {props.search}
      {props.count}
      <div className="decisions">
        {props.main.map((a) => (
          <ActionButton key={a.testId} a={a} />
        ))}
      </div>
      <MoreMenu actions={props.more} onClose={props.onMenuClosed} />
    </div>
  )
}
