'use strict';

/** The lines of prom-client's default metrics that say how much memory the service holds, in bytes. */
const FIGURES = {
  rss: /^process_resident_memory_bytes (\S+)$/m,
  heapUsed: /^nodejs_heap_size_used_bytes (\S+)$/m,
  heapTotal: /^nodejs_heap_size_total_bytes (\S+)$/m,
  external: /^nodejs_external_memory_bytes (\S+)$/m,
};

/** Our service's memory now, read from its metrics listener: RSS, and the V8 heap's own figures beside it. */
async function memoryNow(metricsUrl) {
  const response = await fetch(metricsUrl);
  const text = await response.text();
  const figures = {};
  for (const [name, pattern] of Object.entries(FIGURES)) {
    const found = pattern.exec(text);
    if (!response.ok || !found) throw new Error(`${metricsUrl} answered ${response.status} without ${pattern.source}`);
    figures[name] = Number(found[1]);
  }
  return figures;
}

/**
 * Samples the service's memory every `everyMs` until `stop()`, which resolves with the sample of the highest
 * RSS. A sample that fails (the service busy past the timeout) is skipped: the peak is of the samples taken.
 */
function memorySampler(metricsUrl, everyMs = 1000) {
  let peak;
  let stopped = false;
  const sampling = (async () => {
    while (!stopped) {
      try {
        const now = await memoryNow(metricsUrl);
        if (peak === undefined || now.rss > peak.rss) peak = now;
      } catch {
        // skipped; the next sample tries again
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await sampling;
      return peak;
    },
  };
}

const MIB = 1024 * 1024;

/** A row of a memory table: RSS, heap used, heap total and external, in MiB. */
function memoryRow(when, figures) {
  const mib = (bytes) => (bytes === undefined ? '–' : `${Math.round(bytes / MIB)} MiB`);
  return [when, mib(figures?.rss), mib(figures?.heapUsed), mib(figures?.heapTotal), mib(figures?.external)];
}

const MEMORY_COLUMNS = ['when', 'RSS', 'heap used', 'heap total', 'external'];

/**
 * V8's heap space by space (old, code, new, large objects …) from the service's metrics listener: what each has
 * committed (`size`) and what is alive or not yet collected in it (`used`), in bytes.
 */
async function heapSpaces(metricsUrl) {
  const text = await (await fetch(metricsUrl)).text();
  const spaces = {};
  for (const [, figure, space, value] of text.matchAll(
    /^nodejs_heap_space_size_(total|used)_bytes\{space="([^"]+)"\} (\S+)$/gm,
  )) {
    spaces[space] ??= { size: 0, used: 0 };
    spaces[space][figure === 'total' ? 'size' : 'used'] = Number(value);
  }
  return spaces;
}

module.exports = { MEMORY_COLUMNS, heapSpaces, memoryNow, memoryRow, memorySampler };
