import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const POM_DIRECTORY = resolve(__dirname, 'cypher-shell');
const LIBRARIES = join(POM_DIRECTORY, 'target', 'lib');

/**
 * A folder holding an executable `cypher-shell`: Neo4j's own cypher-shell of the compose image's version
 * (tests/helpers/cypher-shell/pom.xml, fetched from Maven Central once), started by a script the way the
 * image's `cypher-shell` starts it. Put the folder first on PATH to run deploy/'s commands as written.
 */
export function cypherShellBin(): string {
  const version = /<neo4j\.version>([^<]+)</.exec(readFileSync(join(POM_DIRECTORY, 'pom.xml'), 'utf8'))?.[1];
  if (!existsSync(join(LIBRARIES, `cypher-shell-${version ?? ''}.jar`))) {
    execFileSync('mvn', ['-q', '-B', 'package'], { cwd: POM_DIRECTORY, stdio: 'inherit' });
  }
  const java = execFileSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' }).trim();
  const bin = mkdtempSync(join(tmpdir(), 'cypher-shell-bin-'));
  const script = join(bin, 'cypher-shell');
  writeFileSync(script, `#!/bin/sh\nexec '${java}' -cp '${LIBRARIES}/*' org.neo4j.shell.Main "$@"\n`);
  chmodSync(script, 0o755);
  return bin;
}
