import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../core/config';
import { mintToken } from '../platform/auth/mint-token';
import { ROLES, type Role } from '../core/viewer';

/**
 * `npm run token -- --sub NAME --role editor --department 市民活動推進課 [--department …] [--expires 8h]`
 * prints an HS256 token signed with AUTH_SECRET, for local use and the IDE's headers tab; it carries AUTH_ISSUER
 * and AUTH_AUDIENCE as `iss` and `aud` when they are set, so the service accepts it. Prints the token only,
 * never the secret.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      role: { type: 'string', default: 'viewer' },
      department: { type: 'string', multiple: true },
      expires: { type: 'string', default: '8h' },
    },
  });
  const { secret, issuer, audience } = loadConfig().auth;
  if (secret === undefined) throw new ConfigError('AUTH_SECRET is not set: set it to mint tokens the service accepts');
  if (!values.sub) throw new ConfigError('--sub NAME is required (who the token signs in)');
  if (!(ROLES as readonly string[]).includes(values.role)) {
    throw new ConfigError(`--role must be one of ${ROLES.join(', ')}, got '${values.role}'`);
  }
  const token = await mintToken(
    secret,
    { sub: values.sub, role: values.role as Role, departments: values.department ?? [] },
    values.expires,
    { issuer, audience },
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
