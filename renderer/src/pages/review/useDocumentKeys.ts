import { useEffect, useRef } from 'react'

/**
 * Sends every keydown on the document to `handler`, always the one from the latest render
 * (it reads that render's state), while the listener itself is added once.
 */
export function useDocumentKeys(handler: (e: KeyboardEvent) => void): void {
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })
  useEffect(() => {
    const listen = (e: KeyboardEvent) => latest.current(e)
    document.addEventListener('keydown', listen)
    return () => document.removeEventListener('keydown', listen)
  }, [])
}
