// Runs one of the project's commands (`npm start`, `npm run token`, `seed`, `records:*`, `ingest`, `schema:emit`, `docs:*`):
// `node scripts/run-command.js NAME [arguments…]`. Before anything is built or any database touched it answers
// `--help` with the command's usage and refuses an option the command does not know (exit 2), both from
// src/cli/commands.json, the one place each command's usage and options are written. Then it builds if the build
// is not current (scripts/build-if-developing.js), reads `.env` when there is one (variables already set win,
// as with Node's --env-file-if-exists) and runs the compiled command in this same process. A command's `prepare`
// (`npm start`'s: the embedded Neo4j's launcher built unless NEO4J_URI is set) runs first, as a script of its own;
// as npm's pre-script it printed npm's four-line banner into the start-up and ran even for `--help`.
const { spawnSync } = require('node:child_process');
const { readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { parseArgs, parseEnv } = require('node:util');
const { ensureBuild } = require('./build-if-developing');

const ROOT = join(__dirname, '..');
const COMMANDS = JSON.parse(readFileSync(join(ROOT, 'src', 'cli', 'commands.json'), 'utf8'));
const OVERALL_USAGE = `usage: node scripts/run-command.js COMMAND [arguments…]; the commands: ${Object.keys(COMMANDS).join(', ')}`;

/**
 * What to do with a command line, decided without building: `{ help }` (print the usage), `{ refusal }` (what is
 * wrong with it), or `{ run }` (the arguments to hand the compiled command).
 */
function planCommand(name, args) {
  const command = COMMANDS[name];
  if (command === undefined) return { refusal: `no command '${name}'`, usage: OVERALL_USAGE };
  const usage = command.usage.join('\n');
  if (args.includes('--help') || args.includes('-h')) return { help: usage };
  try {
    const { positionals } = parseArgs({ args, options: command.options, strict: true, allowPositionals: true });
    if (positionals.length > command.positionals.length) {
      const extra = positionals.slice(command.positionals.length).map((word) => `'${word}'`);
      return { refusal: `unexpected argument ${extra.join(' ')}`, usage };
    }
  } catch (error) {
    return { refusal: error instanceof Error ? error.message : String(error), usage };
  }
  return {
    run: {
      entry: join(ROOT, command.entry),
      args: [...(command.subcommand ? [command.subcommand] : []), ...args],
      prepare: command.prepare,
    },
  };
}

/** Sets the variables of `.env` that the environment does not set already (the environment wins). */
function readEnvFile() {
  const file = join(ROOT, '.env');
  if (!existsSync(file)) return;
  for (const [key, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
}

if (require.main === module) {
  const [name = '', ...args] = process.argv.slice(2);
  if (name === '' || name === '--help' || name === '-h') {
    process.stdout.write(`${OVERALL_USAGE}\n`);
    process.exit(name === '' ? 2 : 0);
  }
  const plan = planCommand(name, args);
  if (plan.help !== undefined) {
    process.stdout.write(`${plan.help}\n`);
    process.exit(0);
  }
  if (plan.refusal !== undefined) {
    process.stderr.write(`${name}: ${plan.refusal}${plan.usage ? `\n${plan.usage}` : ''}\n`);
    process.exit(2);
  }
  if (plan.run.prepare !== undefined) {
    const [script, ...scriptArgs] = plan.run.prepare;
    const prepared = spawnSync(process.execPath, [join(ROOT, script), ...scriptArgs], { stdio: 'inherit' });
    if (prepared.status !== 0) process.exit(prepared.status ?? 1);
  }
  const built = ensureBuild();
  if (built !== 0) process.exit(built);
  readEnvFile();
  // The compiled command reads its arguments from process.argv, as when started with `node dist/…`.
  process.argv = [process.argv[0] ?? 'node', plan.run.entry, ...plan.run.args];
  require(plan.run.entry);
}

module.exports = { planCommand };
