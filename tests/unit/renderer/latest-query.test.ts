import { describe, expect, test } from 'vitest'
import { LatestQuery, type QuerySnapshot } from '../../../renderer/src/data/latest-query.ts'

/** A call whose answer the test releases when it chooses, to put answers out of order. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

function watched<T>() {
  const seen: QuerySnapshot<T>[] = []
  const query = new LatestQuery<T>((s) => seen.push(s))
  return { query, seen }
}

describe("the renderer's data hook keeps only the newest answer", () => {
  test('a slow answer to an older request never replaces the answer to a newer one', async () => {
    const { query, seen } = watched<string>()
    const old = deferred<string>()
    const fresh = deferred<string>()
    const first = query.run('{"search":"Ng"}', () => old.promise)
    const second = query.run('{"search":"Nguyen"}', () => fresh.promise)
    fresh.resolve('rows for Nguyen')
    expect(await second).toEqual({ data: 'rows for Nguyen' })
    old.resolve('rows for Ng')
    expect(await first).toBeNull()
    expect(query.snapshot).toEqual({ data: 'rows for Nguyen', key: '{"search":"Nguyen"}', loading: false, error: null })
    expect(seen.map((s) => s.data)).not.toContain('rows for Ng')
  })

  test("an older call's failure is not shown once a newer call answered", async () => {
    const { query } = watched<number>()
    const old = deferred<number>()
    const first = query.run('a', () => old.promise)
    await query.run('b', () => Promise.resolve(2))
    old.reject(new Error('too late'))
    expect(await first).toBeNull()
    expect(query.snapshot.error).toBeNull()
    expect(query.snapshot.data).toBe(2)
  })

  test("the newest call's failure is reported and keeps the data shown", async () => {
    const { query } = watched<number>()
    await query.run('a', () => Promise.resolve(1))
    const boom = new Error('NO_WORKSPACE')
    expect(await query.run('a', () => Promise.reject(boom))).toEqual({ error: boom })
    expect(query.snapshot).toEqual({ data: 1, key: 'a', loading: false, error: boom })
  })

  test('an answer arriving after cancel (the page left) or clear (nothing asked) is dropped', async () => {
    const { query } = watched<number>()
    await query.run('a', () => Promise.resolve(1))
    const late = deferred<number>()
    const running = query.run('b', () => late.promise)
    expect(query.snapshot.loading).toBe(true)
    query.cancel()
    expect(query.snapshot.loading).toBe(false)
    late.resolve(2)
    await running
    expect(query.snapshot.data).toBe(1)
    query.clear()
    expect(query.snapshot).toEqual({ data: null, key: null, loading: false, error: null })
  })

  test("the page's own change (a further page appended) replaces the data in place", async () => {
    const { query } = watched<number[]>()
    await query.run('list', () => Promise.resolve([1, 2]))
    query.replace((rows) => [...(rows ?? []), 3])
    expect(query.snapshot.data).toEqual([1, 2, 3])
    expect(query.snapshot.key).toBe('list')
  })
})
