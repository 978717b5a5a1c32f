import { execFileSync } from 'node:child_process';

/** Command lines of running embedded-Neo4j launchers whose data directory is `dataDirectory`. */
export function launchersFor(dataDirectory: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('embedded-neo4j.jar') && line.includes(`--home=${dataDirectory} `));
}
