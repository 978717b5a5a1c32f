// The command line of a script in scripts/: `--help` (or -h) prints its usage and exits 0; an option it does not
// know, an option without its value or a word too many prints what was wrong and the usage, and exits 2. Both
// happen before the script does anything else.
const { parseArgs } = require('node:util');

/**
 * Reads `argv` (process.argv without node and the script) against `options` (node:util parseArgs options) and at
 * most `maxPositionals` words; returns `{ values, positionals }` or exits as above.
 */
function scriptArguments(argv, { usage, options = {}, maxPositionals = 0 }) {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
    if (positionals.length > maxPositionals) {
      throw new Error(`unexpected argument '${positionals[maxPositionals]}'`);
    }
    return { values, positionals };
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    process.exit(2);
  }
}

module.exports = { scriptArguments };
