import commands from './commands.json';

/** A command of `npm run …`, as src/cli/commands.json lists it (scripts/run-command.js reads the same file). */
export type CommandName = keyof typeof commands;

/** The command's usage text, as `npm run <name> -- --help` prints it. */
export function commandUsage(name: CommandName): string {
  return commands[name].usage.join('\n');
}
