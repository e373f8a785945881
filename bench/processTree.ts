/**
 * A supervisor and its workers as one tree of processes whose CPU time and memory add up
 * (Linux /proc), for the scenarios that start more than one worker (bench/replicas.ts).
 */
import fs from 'node:fs'

import { cpuMs, peakRssMb } from './server'

/** The parent of every process on this machine, from /proc/<pid>/stat (field 4). */
function parents(): Map<number, number> {
  const parentOf = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parentOf.set(Number(entry), ppid)
    } catch {
      // The process ended while the folder was read.
    }
  }
  return parentOf
}

/** `pid` and all its descendants (a supervisor and its workers). */
export function processTree(pid: number): number[] {
  const parentOf = parents()
  const tree = [pid]
  for (let i = 0; i < tree.length; i++)
    for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child)
  return tree
}

/** CPU time (user and system, all threads) of `pid` and its descendants so far, in ms. */
export function treeCpuMs(pid: number): number | null {
  const times = processTree(pid).map(cpuMs)
  return times[0] === null ? null : times.reduce<number>((sum, ms) => sum + (ms ?? 0), 0)
}

/** The highest peak resident memory (VmHWM) of any one of `pid` and its descendants, in MB. */
export function largestPeakRssMb(pid: number): number | null {
  const peaks = processTree(pid).map(peakRssMb)
  return peaks[0] === null ? null : Math.max(...peaks.map((mb) => mb ?? 0))
}

/** The peak resident memory (VmHWM) of `pid` and its descendants, added up, in MB. */
export function treePeakRssMb(pid: number): number | null {
  const peaks = processTree(pid).map(peakRssMb)
  return peaks[0] === null ? null : peaks.reduce<number>((sum, mb) => sum + (mb ?? 0), 0)
}
