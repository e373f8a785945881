/**
 * One value per process, whatever module instance asks. Next compiles its own copies of our
 * modules (its routes, pages and the admin), separate from the ones src/process/server.ts loads,
 * so module-level state would exist twice; state both worlds must share lives on globalThis under
 * one registered symbol per name, and this is the one place that does that.
 */
const slot = (name: string): symbol => Symbol.for(`initiative-portal.${name}`)

type Slots = Record<symbol, unknown>

/** The value under `name`, created by `create` the first time any module instance asks. */
export function processSingleton<T>(name: string, create: () => T): T {
  const slots = globalThis as unknown as Slots
  const key = slot(name)
  if (!(key in slots)) slots[key] = create()
  return slots[key] as T
}

/** A value this process may set, replace or clear (installed state: metrics, the job runner). */
export function processSlot<T>(name: string) {
  const slots = globalThis as unknown as Slots
  const key = slot(name)
  return {
    get: (): T | undefined => slots[key] as T | undefined,
    set: (value: T | undefined): void => {
      if (value === undefined) delete slots[key]
      else slots[key] = value
    },
  }
}
