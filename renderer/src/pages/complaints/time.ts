import { useEffect, useState } from 'react'

/** The current time, ticking every second, for live countdowns. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(id)
  }, [])
  return now
}

const two = (n: number): string => String(n).padStart(2, '0')

/** 41:05:12 within the 48-hour window (hours may pass 24); beyond it, days first: "12 ngày 05:03:09". */
export function duration(ms: number, days: (n: number) => string): string {
  const s = Math.floor(Math.abs(ms) / 1000)
  const h = Math.floor(s / 3600)
  const mmss = `${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`
  return h < 48 ? `${h}:${mmss}` : `${days(Math.floor(h / 24))} ${two(h % 24)}:${mmss}`
}
