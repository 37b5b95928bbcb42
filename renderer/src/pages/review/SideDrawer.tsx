import { useState, type ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'

const STORED = 'vaxrecon.review.panelWidth'
const MIN = 320
const DEFAULT = 460

const storedWidth = (): number => {
  const n = Number(window.localStorage.getItem(STORED))
  return Number.isFinite(n) && n >= MIN ? n : DEFAULT
}

/**
 * The doses or candidates panel as a drawer beside the grid, resizable by its left edge
 * (drag, or ←/→ on the focused edge). However wide it is made, CSS keeps the grid's name,
 * status and first three compared fields on screen (max-width in review.css).
 */
export function SideDrawer({ onClose, children }: { onClose(): void; children: ReactNode }) {
  const { t } = useI18n()
  const [width, setWidth] = useState(storedWidth)
  const resize = (w: number) => {
    const next = Math.max(MIN, Math.round(w))
    setWidth(next)
    window.localStorage.setItem(STORED, String(next))
  }
  const drag = (e: React.PointerEvent<HTMLDivElement>) => {
    const handle = e.currentTarget
    const drawer = handle.parentElement
    if (!drawer) return
    e.preventDefault()
    const right = drawer.getBoundingClientRect().right
    handle.setPointerCapture(e.pointerId)
    // The CSS max-width is the real limit: the width follows the pointer up to it.
    const move = (m: PointerEvent) => resize(Math.min(right - m.clientX, drawer.parentElement?.clientWidth ?? Infinity))
    const up = () => {
      handle.removeEventListener('pointermove', move)
      handle.removeEventListener('pointerup', up)
      resize(drawer.getBoundingClientRect().width)
    }
    handle.addEventListener('pointermove', move)
    handle.addEventListener('pointerup', up)
  }
  return (
    <div className="review-side" style={{ width }} data-testid="side-drawer">
      <div
        className="panel-resize"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('review.panel.resize')}
        tabIndex={0}
        onPointerDown={drag}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
          e.preventDefault()
          resize(width + (e.key === 'ArrowLeft' ? 40 : -40))
        }}
        data-testid="panel-resize"
      />
      <button
        type="button"
        className="close-panel"
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClose}
        aria-label={t('review.panel.close')}
        data-testid="close-panel"
      >
        ✕ <kbd>Esc</kbd>
      </button>
      <div className="review-side-body">{children}</div>
    </div>
  )
}
