import fs from 'node:fs';

/**
 * Which process a pid names, beyond its number. Pids are reused: a restarted container starts its server under the
 * pid its previous server had. The kernel's account of a process's start tells them apart: the id of the boot and the
 * start time in clock ticks since that boot (field 22 of `/proc/<pid>/stat`), as `<boot id>/<ticks>`.
 * Null where there is no `/proc` (macOS) or the process is gone.
 */
export function processStart(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2, the command name, is in parentheses and may hold spaces or ')': count fields after its last ')'.
    const fromState = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = fromState[22 - 3];
    const bootId = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return ticks && bootId ? `${bootId}/${ticks}` : null;
  } catch {
    return null;
  }
}
