/** What one query holds: the last response it applied, the request it answered, and how the latest call went. */
export interface QuerySnapshot<T> {
  data: T | null
  /** The request `data` answers (its JSON), or null before any response. */
  key: string | null
  loading: boolean
  error: unknown
}

export const EMPTY_SNAPSHOT: QuerySnapshot<never> = { data: null, key: null, loading: false, error: null }

/**
 * One query's state, framework-free so the rule it keeps can be tested in Node: only the
 * newest call may change it. A response (or failure) to a call that a later call, a
 * cancel or a clear has overtaken is dropped, so a slow answer to an old filter never
 * replaces the answer to the filter on screen.
 */
export class LatestQuery<T> {
  private seq = 0
  private state: QuerySnapshot<T> = EMPTY_SNAPSHOT

  private readonly onChange: (s: QuerySnapshot<T>) => void

  constructor(onChange: (s: QuerySnapshot<T>) => void) {
    this.onChange = onChange
  }

  get snapshot(): QuerySnapshot<T> {
    return this.state
  }

  /**
   * Calls `fetch` for the request `key`; resolves once its answer is applied (with the
   * data), failed while still the newest (with the error, for the banner) or was dropped (null).
   */
  async run(key: string, fetch: () => Promise<T>): Promise<{ data: T } | { error: unknown } | null> {
    const mine = ++this.seq
    this.set({ ...this.state, loading: true })
    let data: T
    try {
      data = await fetch()
    } catch (error) {
      if (mine !== this.seq) return null
      this.set({ ...this.state, loading: false, error })
      return { error }
    }
    if (mine !== this.seq) return null
    this.set({ data, key, loading: false, error: null })
    return { data }
  }

  /** Whatever is in flight no longer matters (the request changed or the page went away). */
  cancel(): void {
    this.seq++
    if (this.state.loading) this.set({ ...this.state, loading: false })
  }

  /** Nothing is asked any more: drop the data too. */
  clear(): void {
    this.seq++
    if (this.state !== EMPTY_SNAPSHOT) this.set(EMPTY_SNAPSHOT)
  }

  /** The page changed the data itself (a further page appended, a count it just applied). */
  replace(update: (data: T | null) => T | null): void {
    this.set({ ...this.state, data: update(this.state.data) })
  }

  private set(next: QuerySnapshot<T>): void {
    this.state = next
    this.onChange(next)
  }
}
