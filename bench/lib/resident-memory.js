'use strict';
const { readFileSync } = require('node:fs');

/**
 * Where process `pid`'s resident memory is, from /proc/<pid>/smaps: the allocator's main heap (`[heap]`, what
 * malloc takes with brk), anonymous mappings (V8's heap pages and code, malloc's other arenas, thread stacks) and
 * files mapped (node's binary, shared libraries). In bytes. Linux only; undefined where /proc cannot be read.
 */
function residentByKind(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/smaps`, 'utf8');
  } catch {
    return undefined;
  }
  const kinds = { brkHeap: 0, anonymous: 0, files: 0 };
  let kind = 'anonymous';
  for (const line of text.split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (mapping) {
      const name = mapping[1].trim();
      kind = name === '[heap]' ? 'brkHeap' : name === '' || name.startsWith('[') ? 'anonymous' : 'files';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB$/.exec(line);
    if (rss) kinds[kind] += Number(rss[1]) * 1024;
  }
  return kinds;
}

module.exports = { residentByKind };
