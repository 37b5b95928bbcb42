import { useCallback, useEffect, useRef, useState } from 'react'
import type { Channel, Req, Res } from '../../../main/ipc/contract.ts'
import { call } from '../api/client.ts'
import { EMPTY_SNAPSHOT, LatestQuery, type QuerySnapshot } from './latest-query.ts'

export interface QueryOptions {
  /** Where a failure is shown: the page's `onError`, the app's bilingual error banner. */
  onError?: (e: unknown) => void
  /** Other reasons to ask again (a job finished, the workspace status reloaded), compared by identity. */
  deps?: readonly unknown[]
  /** Waits this long after the request last changed (a dragged threshold, a typed weight). */
  delayMs?: number
}

export interface Query<T> {
  /** The newest response applied; kept while a changed request is loading. */
  data: T | null
  /** `data` answers an earlier request than the one asked now (its answer is on its way). */
  stale: boolean
  loading: boolean
  /** The newest call's failure, already shown through `onError`. */
  error: unknown
  /** Asks again now; resolves with the answer once applied (null if it failed or was overtaken). */
  refetch(): Promise<T | null>
  /** The page changed the data itself, e.g. appended the next page of a list. */
  setData(update: (data: T | null) => T | null): void
}

/** Counts the renders whose `deps` differ (by identity) from the render before. */
function useChangeCount(deps: readonly unknown[]): number {
  const [seen, setSeen] = useState({ deps, count: 0 })
  const changed = deps.length !== seen.deps.length || deps.some((d, i) => !Object.is(d, seen.deps[i]))
  // Storing what the previous render saw, React's pattern for reacting to a changed prop.
  if (changed) setSeen({ deps, count: seen.count + 1 })
  return changed ? seen.count + 1 : seen.count
}

/**
 * The renderer's one way to read data: calls a contract channel when the request (compared
 * by value) or one of `deps` changes, and on `refetch()`. Only the newest call's answer is
 * applied (see LatestQuery), failures go to `onError`, and a null request asks nothing.
 */
export function useQuery<K extends Channel>(channel: K, request: Req<K> | null, options: QueryOptions = {}): Query<Res<K>> {
  const [snapshot, setSnapshot] = useState<QuerySnapshot<Res<K>>>(EMPTY_SNAPSHOT)
  const onError = useRef(options.onError)
  useEffect(() => {
    onError.current = options.onError
  }, [options.onError])
  const [query] = useState(() => new LatestQuery<Res<K>>(setSnapshot))

  // The request by value: pages build it afresh on every render.
  const key = request === null ? null : JSON.stringify(request)
  const changes = useChangeCount(options.deps ?? [])
  const delayMs = options.delayMs ?? 0
  const fetchKey = useCallback(
    async (k: string) => {
      const outcome = await query.run(k, () => call(channel, JSON.parse(k) as Req<K>))
      if (outcome && 'error' in outcome) onError.current?.(outcome.error)
      return outcome && 'data' in outcome ? outcome.data : null
    },
    [channel, query]
  )

  useEffect(() => {
    if (key === null) {
      query.clear()
      return
    }
    if (delayMs === 0) void fetchKey(key)
    const timer = delayMs === 0 ? undefined : setTimeout(() => void fetchKey(key), delayMs)
    return () => {
      clearTimeout(timer)
      query.cancel()
    }
  }, [key, changes, delayMs, fetchKey, query])

  const refetch = useCallback(() => (key === null ? Promise.resolve(null) : fetchKey(key)), [key, fetchKey])
  const setData = useCallback((update: (data: Res<K> | null) => Res<K> | null) => query.replace(update), [query])
  return {
    data: snapshot.data,
    stale: snapshot.key !== null && snapshot.key !== key,
    loading: snapshot.loading,
    error: snapshot.error,
    refetch,
    setData
  }
}
