import { Worker } from 'node:worker_threads'

/** Where a function starts, as V8's coverage names it. */
export type FunctionStart = { scriptId: string; offset: number; end: number }

/**
 * The debugger client, in a worker thread: a session on this thread's own inspector cannot pause
 * the thread it runs on, one in a worker can (`connectToMainThread`). It sets a breakpoint at the
 * start of each function, notes the first pause in each, removes that breakpoint and resumes.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
// The session to the main thread does not keep this thread alive; this does, until terminated.
setInterval(() => undefined, 60_000)
const { Session } = require('node:inspector/promises')
const session = new Session()
session.connectToMainThread()
const order = []
const byBreakpoint = new Map()
session.on('Debugger.paused', async ({ params }) => {
  for (const id of params.hitBreakpoints ?? []) {
    if (!byBreakpoint.has(id)) continue
    order.push(byBreakpoint.get(id))
    byBreakpoint.delete(id)
    await session.post('Debugger.removeBreakpoint', { breakpointId: id })
  }
  await session.post('Debugger.resume')
})
const position = (source, offset) => {
  const before = source.slice(0, offset).split('\\n')
  return { lineNumber: before.length - 1, columnNumber: before.at(-1).length }
}
;(async () => {
  await session.post('Debugger.enable')
  const sources = new Map()
  for (const [index, start] of workerData.starts.entries()) {
    if (!sources.has(start.scriptId)) {
      const { scriptSource } = await session.post('Debugger.getScriptSource', { scriptId: start.scriptId })
      sources.set(start.scriptId, scriptSource)
    }
    const source = sources.get(start.scriptId)
    const at = (offset) => ({ scriptId: start.scriptId, ...position(source, offset) })
    const { locations } = await session.post('Debugger.getPossibleBreakpoints', {
      start: at(start.offset),
      end: at(start.end),
      restrictToFunction: true,
    })
    if (locations.length === 0) continue
    const { breakpointId } = await session.post('Debugger.setBreakpoint', { location: locations[0] })
    byBreakpoint.set(breakpointId, index)
  }
  parentPort.postMessage('armed')
  parentPort.once('message', async () => {
    await session.post('Debugger.disable')
    session.disconnect()
    parentPort.postMessage(order)
  })
})()
`

const reply = <T>(worker: Worker) =>
  new Promise<T>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })

/**
 * The order in which `work` first enters each of the given functions (indexes into `starts`);
 * functions it does not enter are left out. Run it on work that repeats the one whose functions
 * were recorded: the breakpoints pause this thread once per function, which coverage cannot.
 */
export async function firstEntryOrder(
  starts: FunctionStart[],
  work: () => Promise<unknown>,
): Promise<number[]> {
  const worker = new Worker(WORKER, { eval: true, workerData: { starts } })
  try {
    await reply<string>(worker)
    await work()
    worker.postMessage('done')
    return await reply<number[]>(worker)
  } finally {
    await worker.terminate()
  }
}
