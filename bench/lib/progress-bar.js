'use strict';

/**
 * A one-line progress bar on stderr (`label [#####.....]  42% 12,345/29,000 · 8.1 s`), redrawn in place on a
 * terminal and printed every tenth otherwise, so logs of a CI run stay short.
 */
function progressBar(label, width = 30) {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return (done, total) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const tenth = Math.floor(share * 10);
    if (!tty && tenth === lastTenth && done < total) return;
    lastTenth = tenth;
    const filled = Math.round(share * width);
    const line =
      `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ` +
      `${done.toLocaleString('en')}/${total.toLocaleString('en')} · ${((Date.now() - started) / 1000).toFixed(1)} s`;
    process.stderr.write(tty ? `\r${line}${done >= total ? '\n' : ''}` : `${line}\n`);
  };
}

module.exports = { progressBar };
