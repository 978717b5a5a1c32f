import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project-root';

/** The service's name and version, from package.json (read once). */
export const PACKAGE_INFO: { readonly name: string; readonly version: string } = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'),
) as { name: string; version: string };
