import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Lowers the scheduling priority of the calling thread only (Linux: a thread has its own nice
 * value, addressed by its thread id, which /proc/thread-self names). Returns the nice value now
 * in force, or null where this is not possible (other systems): the thread then runs at the
 * process's priority, which is slower under a burst but still correct.
 */
export function lowerThreadPriority(niceness: number): number | null {
  let tid: number;
  try {
    tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return null;
  }
  if (!Number.isInteger(tid) || tid <= 0) {
    return null;
  }
  try {
    setPriority(tid, Math.max(getPriority(tid), niceness));
    return getPriority(tid);
  } catch {
    return null;
  }
}
