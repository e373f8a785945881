import fs from 'node:fs'
import os from 'node:os'

/**
 * Who holds the lock on the data: enough to tell, on the same host, whether that process still
 * lives. A pid alone is not enough: in a container the portal is often pid 1 after every restart,
 * and the kernel reuses pids, so the process's start time (in clock ticks since boot) and the
 * boot and pid namespace it was counted in come with it.
 */
export type LockHolder = {
  host: string
  pid: number
  /** `/proc/<pid>/stat`'s start time; null where there is no `/proc` (macOS). */
  startTicks: number | null
  /** The kernel's boot id: a pid and a start time from before a reboot say nothing now. */
  boot: string | null
  /** The pid namespace: two containers on one host count pids separately. */
  pidNamespace: string | null
}

const readOrNull = (read: () => string): string | null => {
  try {
    return read().trim()
  } catch {
    return null
  }
}

/** The fields of `/proc/<pid>/stat` after the command name (which may hold spaces). */
function statFields(pid: number | 'self'): string[] | null {
  const stat = readOrNull(() => fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : null
}

/** Field 22 of `/proc/<pid>/stat`: when the process started, in clock ticks since boot. */
function startTicksOf(pid: number | 'self'): number | null {
  const ticks = Number(statFields(pid)?.[19])
  return Number.isFinite(ticks) ? ticks : null
}

/**
 * A process that has exited but whose parent has not collected it yet (state Z): it runs no
 * code and holds nothing, though its pid still answers a signal.
 */
const isZombie = (pid: number): boolean => statFields(pid)?.[0] === 'Z'

export const thisProcess = (): LockHolder => ({
  host: os.hostname(),
  pid: process.pid,
  startTicks: startTicksOf('self'),
  boot: readOrNull(() => fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8')),
  pidNamespace: readOrNull(() => fs.readlinkSync('/proc/self/ns/pid')),
})

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as { code?: string }).code === 'EPERM'
  }
}

/**
 * Whether the holder is known to be gone: only a process on this host, in this boot and pid
 * namespace, can be looked at; any other holder (another host on a shared disk, an unreadable
 * record) is treated as alive, and its lock goes stale by time alone.
 */
export function holderIsGone(holder: LockHolder): boolean {
  const self = thisProcess()
  if (holder.host !== self.host) return false
  if (holder.boot !== self.boot || holder.pidNamespace !== self.pidNamespace) return false
  if (!pidExists(holder.pid) || isZombie(holder.pid)) return true
  // The pid lives, but it may be another process that got the same number.
  return holder.startTicks !== null && startTicksOf(holder.pid) !== holder.startTicks
}

/** The holder file beside the lock folder (proper-lockfile removes only an empty folder). */
export const holderPathOf = (lockPath: string): string => `${lockPath}.holder.json`

export function readHolder(lockPath: string): LockHolder | null {
  const text = readOrNull(() => fs.readFileSync(holderPathOf(lockPath), 'utf8'))
  if (!text) return null
  try {
    const holder = JSON.parse(text) as Partial<LockHolder>
    return typeof holder.host === 'string' && Number.isInteger(holder.pid)
      ? (holder as LockHolder)
      : null
  } catch {
    return null
  }
}

/** Written through a rename, so a reader never sees half a record. */
export function writeHolder(lockPath: string): void {
  const file = holderPathOf(lockPath)
  const temporary = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temporary, JSON.stringify(thisProcess()))
  fs.renameSync(temporary, file)
}

export function removeHolder(lockPath: string): void {
  fs.rmSync(holderPathOf(lockPath), { force: true })
}
