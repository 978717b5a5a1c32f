import { writeFileSync } from 'node:fs';

/**
 * Writes a guide the docs commands made, formatted by prettier as `npm run format` would, so the generated
 * tables are aligned like the rest of the guide. Prettier is a development dependency: these commands are
 * run in a development checkout.
 */
export async function writeGuide(path: string, text: string): Promise<void> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(path, await prettier.format(text, Object.assign({}, options, { filepath: path })));
}
