'use strict';
const { parseArgs } = require('node:util');

/**
 * The command line's flags (all `--name value`), checked by `check`, which returns the settings or throws.
 * A bad flag ends the process with its message and the usage, not a stack trace.
 */
function readFlags(options, usage, check) {
  try {
    const { values } = parseArgs({ options, allowPositionals: false });
    return check(values);
  } catch (error) {
    process.stderr.write(`${error.message}\nusage: ${usage}\n`);
    process.exit(2);
  }
}

/** `value` as a whole number within [min, max], or an error naming the flag. */
function wholeNumber(name, value, min, max) {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  }
  return number;
}

module.exports = { readFlags, wholeNumber };
