'use strict';
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');

/**
 * CPU time a process has used so far (user + system, ms), read from /proc/<pid>/stat; NaN when it cannot be
 * read (not Linux, no pid, the process gone). The benchmark reads it around each timed cell: on a shared
 * machine req/s moves with whatever else runs, while the CPU a request costs each process moves much less,
 * and it says where the time goes (the service or the database).
 */
function cpuMs(pid) {
  if (!pid) return Number.NaN;
  try {
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the
    // 14th and 15th fields of the line, the 12th and 13th after `) `.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop().split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond();
  } catch {
    return Number.NaN;
  }
}

let ticks;
/** The kernel's clock ticks per second (the unit of utime and stime): `getconf CLK_TCK`, 100 where unknown. */
function clockTicksPerSecond() {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/**
 * Starts a CPU reading of the processes named in `pids` (label → pid); `stop(requests)` returns each one's CPU
 * ms per request over the interval (NaN for a process that could not be read or for no requests).
 */
function cpuMeter(pids) {
  const before = Object.fromEntries(Object.entries(pids).map(([label, pid]) => [label, cpuMs(pid)]));
  return {
    stop(requests) {
      return Object.fromEntries(
        Object.entries(pids).map(([label, pid]) => [
          label,
          requests > 0 ? (cpuMs(pid) - before[label]) / requests : Number.NaN,
        ]),
      );
    },
  };
}

module.exports = { cpuMs, cpuMeter };
