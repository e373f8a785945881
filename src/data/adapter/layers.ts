import type { Payload } from 'payload'

import { READ_METHODS, type ReadArgs, type ReadCall } from './readMethods'
import { WRITE_METHODS, type TransactionID, type WriteMethod } from './writeMethods'
import { processSingleton } from '@/core/processSingleton'

/** What the first argument of every write method carries that layers look at. */
export type WriteArgs = {
  collection?: string
  global?: string
  /** Payload passes draft version writes with `autosave`, and every write with its request. */
  autosave?: boolean
  req?: { transactionID?: TransactionID | Promise<TransactionID | null | undefined> | null }
  [key: string]: unknown
}

/** One call of a write method, as a layer sees it. */
export type WriteCall = {
  method: WriteMethod
  args: WriteArgs | undefined
  /** The transaction the write belongs to; undefined for a write outside any transaction. */
  transaction: TransactionID | undefined
}

type Proceed<T> = () => Promise<T>

/**
 * Something that needs to see the database adapter's writes, reads and transactions (the SQLite
 * write queue, the read cache's invalidation and read recording, effects that wait for a commit).
 * Each hook but `read` wraps the call: it calls `proceed` once and returns (or throws) what it gives, or, to answer in the
 * adapter's place, returns without calling it.
 */
export type AdapterLayer = {
  /** Names a layer, so that adding it twice (onInit may run in two module worlds) adds it once. */
  name: string
  write?: (call: WriteCall, proceed: Proceed<unknown>) => Promise<unknown>
  /** Told of every read before it runs (it cannot change the read: reads are only observed). */
  read?: (call: ReadCall) => void
  /** Around `beginTransaction`; `proceed` resolves to the new transaction (null: none begun). */
  begin?: (
    proceed: Proceed<TransactionID | null | undefined>,
  ) => Promise<TransactionID | null | undefined>
  /** Around `commitTransaction` and `rollbackTransaction` of `transaction`. */
  end?: (
    outcome: 'commit' | 'rollback',
    transaction: TransactionID | undefined,
    proceed: Proceed<unknown>,
  ) => Promise<unknown>
}

/** A database adapter of either kind (SQLite's or MongoDB's), as far as layers need one. */
export type AnyAdapter = { payload: Payload }

/** Each adapter's layers, shared by both module worlds (they may each see the adapter first). */
const layersOf = () =>
  processSingleton('database-layers', () => new WeakMap<object, AdapterLayer[]>())
type Method = (...args: unknown[]) => Promise<unknown>

/** Runs `innermost` inside every layer that has `hook`, the layer added last outermost. */
function through<T>(
  layers: AdapterLayer[],
  wrap: (layer: AdapterLayer, proceed: Proceed<T>) => Promise<T> | undefined,
  innermost: Proceed<T>,
): Promise<T> {
  let proceed = innermost
  for (const layer of layers) {
    const inner = proceed
    proceed = () => wrap(layer, inner) ?? inner()
  }
  return proceed()
}

/**
 * Patches the adapter's write, read and transaction methods once, so that every layer added later sees
 * them. Patching once matters: each layer patching the same methods itself would nest in an
 * order nobody chose, and each would resolve the transaction of every call again.
 */
function install(adapter: AnyAdapter): AdapterLayer[] {
  const layers: AdapterLayer[] = []
  layersOf().set(adapter, layers)
  const methods = adapter as unknown as Record<string, Method>

  for (const method of WRITE_METHODS) {
    const original = methods[method]
    if (typeof original !== 'function') continue
    methods[method] = async function (this: unknown, ...args: unknown[]) {
      const first = args[0] as WriteArgs | undefined
      const transaction = (await first?.req?.transactionID) ?? undefined
      const call: WriteCall = { method, args: first, transaction }
      return through(
        layers,
        (layer, proceed) => layer.write?.(call, proceed),
        () => original.apply(this, args),
      )
    }
  }

  for (const method of READ_METHODS) {
    const original = methods[method]
    if (typeof original !== 'function') continue
    methods[method] = function (this: unknown, ...args: unknown[]) {
      const call: ReadCall = { method, args: args[0] as ReadArgs | undefined }
      for (const layer of layers) layer.read?.(call)
      return original.apply(this, args)
    }
  }

  const begin = methods.beginTransaction
  if (typeof begin === 'function') {
    methods.beginTransaction = function (this: unknown, ...args: unknown[]) {
      return through(
        layers,
        (layer, proceed) => layer.begin?.(proceed),
        () => begin.apply(this, args) as Promise<TransactionID | null | undefined>,
      )
    }
  }

  for (const [name, outcome] of [
    ['commitTransaction', 'commit'],
    ['rollbackTransaction', 'rollback'],
  ] as const) {
    const original = methods[name]
    if (typeof original !== 'function') continue
    methods[name] = async function (this: unknown, ...args: unknown[]) {
      const transaction = ((await args[0]) as TransactionID | null | undefined) ?? undefined
      return through(
        layers,
        (layer, proceed) => layer.end?.(outcome, transaction, proceed),
        () => original.apply(this, args),
      )
    }
  }
  return layers
}

/**
 * Adds `layer` around the adapter's writes and transactions; the layer added last runs
 * outermost. A layer of the same name is added only once per adapter.
 */
export function addAdapterLayer(db: AnyAdapter, layer: AdapterLayer): void {
  const layers = layersOf().get(db) ?? install(db)
  if (!layers.some((existing) => existing.name === layer.name)) layers.push(layer)
}
