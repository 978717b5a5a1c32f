import { readFileSync } from 'node:fs';

/**
 * The Dockerfile read as the tests need it, since no Docker runs on the build machines: its stages and their
 * instructions, and what each COPY copies. Only the forms this project writes are understood (shell-form
 * instructions, `\` continuations, `--flag=value` options); anything else, such as a JSON-form COPY or a heredoc,
 * is refused by name, so a rule can never pass by misreading the file.
 */
export interface DockerInstruction {
  readonly keyword: string;
  readonly args: string;
}

export interface DockerStage {
  readonly image: string;
  readonly name: string | undefined;
  readonly instructions: readonly DockerInstruction[];
}

export interface DockerCopy {
  /** The stage copied from (`--from=`); undefined: the build context, i.e. the repository. */
  readonly from: string | undefined;
  readonly chown: string | undefined;
  readonly sources: readonly string[];
  readonly destination: string;
}

export function readDockerfile(path = 'Dockerfile'): DockerStage[] {
  const logical = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const stages: { image: string; name: string | undefined; instructions: DockerInstruction[] }[] = [];
  for (const line of logical) {
    if (line.includes('<<')) throw new Error(`the Dockerfile reader does not understand heredocs: ${line}`);
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') {
      const [image = '', as, name] = args.split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (stage === undefined) throw new Error(`${keyword} before any FROM in ${path}`);
    stage.instructions.push({ keyword: keyword.toUpperCase(), args });
  }
  return stages;
}

/** The last stage: what the image is. */
export function finalStage(stages: readonly DockerStage[]): DockerStage {
  const stage = stages.at(-1);
  if (stage === undefined) throw new Error('the Dockerfile has no stage');
  return stage;
}

export function instructionsOf(stage: DockerStage, keyword: string): string[] {
  return stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

/** Every COPY of a stage, its options read. */
export function copiesOf(stage: DockerStage): DockerCopy[] {
  return instructionsOf(stage, 'COPY').map((args) => {
    if (args.startsWith('[')) throw new Error(`the Dockerfile reader does not understand JSON-form COPY: ${args}`);
    const words = args.split(/\s+/);
    const options = new Map<string, string>();
    while (words[0]?.startsWith('--')) {
      const [option = '', value = ''] = (words.shift() ?? '').slice(2).split('=');
      if (!['from', 'chown'].includes(option)) throw new Error(`unexpected COPY option --${option} in: ${args}`);
      options.set(option, value);
    }
    const destination = words.pop();
    if (destination === undefined || words.length === 0)
      throw new Error(`COPY needs a source and a destination: ${args}`);
    return { from: options.get('from'), chown: options.get('chown'), sources: words, destination };
  });
}

/** The stage named `name`. */
export function stageNamed(stages: readonly DockerStage[], name: string): DockerStage {
  const stage = stages.find((s) => s.name === name);
  if (stage === undefined) throw new Error(`the Dockerfile has no stage named ${name}`);
  return stage;
}

/**
 * The folders the final stage makes writable for its user: `RUN install -d -o node -g node [-m MODE] DIR…`, the
 * one RUN form the final stage may have (tests/unit/deploy/dockerfile.test.ts), relative to its WORKDIR.
 */
export const WRITABLE_DIRECTORIES_RUN = /^install -d -o node -g node(?: -m [0-7]{3,4})? ((?:[\w./-]+ ?)+)$/;

export function writableDirectories(stage: DockerStage): string[] {
  return instructionsOf(stage, 'RUN').flatMap(
    (args) => WRITABLE_DIRECTORIES_RUN.exec(args)?.[1]?.trim().split(' ') ?? [],
  );
}
