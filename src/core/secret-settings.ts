import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error';

/**
 * The settings whose values are secrets. Each may come from a file instead, named by `<NAME>_FILE`, as the
 * official Docker images read theirs: a Docker or Kubernetes secret is mounted as a file, and a value in the
 * environment shows in `docker inspect` and in every child process.
 */
export const SECRET_SETTINGS = ['NEO4J_PASSWORD', 'EMBEDDED_NEO4J_PASSWORD', 'AUTH_SECRET', 'METRICS_TOKEN'] as const;

export type SecretSetting = (typeof SECRET_SETTINGS)[number];

/** `NEO4J_PASSWORD_FILE` for `NEO4J_PASSWORD`, and so on. */
export type SecretFileSetting = `${SecretSetting}_FILE`;

export function isSecretSetting(name: string): name is SecretSetting {
  return (SECRET_SETTINGS as readonly string[]).includes(name);
}

/**
 * A secret setting's value as given: the variable itself, or the content of the file `<NAME>_FILE` names
 * without its one trailing newline (editors and `echo` add one). Both set is a mistake that would leave the
 * operator guessing which one counts, so it stops the start; so does a file that cannot be read. Messages
 * name the variable and the path, never the content.
 */
export function secretSettingValue(
  env: Readonly<Partial<Record<string, string>>>,
  name: SecretSetting,
): string | undefined {
  const fileVariable: SecretFileSetting = `${name}_FILE`;
  const path = env[fileVariable]?.trim();
  if (path === undefined || path === '') return env[name];
  if (env[name] !== undefined && env[name].trim() !== '') {
    throw new ConfigError(`${name} and ${fileVariable} are both set: set only one of them`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    // The system's code (ENOENT, EACCES, EISDIR) says why; its message could not say more that is safe to show.
    const reason = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
    throw new ConfigError(`${fileVariable} names a file that cannot be read: ${path} (${reason})`);
  }
  return text.replace(/\r?\n$/, '');
}
