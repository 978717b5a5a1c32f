/** A bad environment value; the message names the variable, what it expects and what it got. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
