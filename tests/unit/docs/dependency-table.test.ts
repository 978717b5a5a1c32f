import { readFileSync } from 'node:fs';
import {
  installedVersion,
  majorOf,
  readHeldTable,
  tableProblems,
  type OutdatedEntry,
} from '../../../scripts/dependency-table';

/**
 * The contributors' guide's table of dependencies held a major behind stays in step with package.json and the
 * installed versions; the checks that compare it with the registry (`node scripts/dependency-table.js`) catch a
 * dependency that fell behind without a row, and a row that is no longer behind.
 */
const guide = readFileSync('docs/contributors.md', 'utf8');
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const rows = readHeldTable(guide);

describe("the contributors' guide's dependency table", () => {
  it('names direct dependencies installed on the major it says, behind the latest it says, each with a reason', () => {
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(['graphql', 'graphql-scalars', 'typescript']));
    expect(tableProblems(rows, packageJson, installedVersion)).toEqual([]);
  });

  it('reads majors as npm ranks them: 0.x by its minor', () => {
    expect([majorOf('16.15.0'), majorOf('0.223.1'), majorOf('2.0.0-rc.4')]).toEqual(['16', '0.223', '2']);
  });

  it("against the registry's answer: an unlisted dependency a major behind, and a row no longer behind", () => {
    // What `npm outdated --json` answers: each held row behind as the table says, plus two more entries.
    const outdated: Record<string, OutdatedEntry> = Object.fromEntries(
      rows.map((row) => [row.name, { current: installedVersion(row.name), latest: `${row.latest}.0.0` }]),
    );
    expect(tableProblems(rows, packageJson, installedVersion, outdated)).toEqual([]);

    const [held] = rows;
    const unlisted = 'prom-client';
    const problems = tableProblems(rows, packageJson, installedVersion, {
      ...outdated,
      [unlisted]: { current: '15.1.3', latest: '16.0.0' },
      [held?.name ?? '']: { current: installedVersion(held?.name ?? ''), latest: installedVersion(held?.name ?? '') },
    });
    expect(problems).toEqual([
      `${unlisted}: 15.1.3 is a major behind 16.0.0: upgrade it or give the reason`,
      `${held?.name}: no longer a major behind: drop its row`,
    ]);
  });

  it('names a row whose package is not a dependency or is installed on another major', () => {
    const stale = [
      { name: 'left-pad', heldAt: '1', latest: '2', why: 'a package this project never depended on' },
      { name: 'graphql', heldAt: '15', latest: '17', why: 'a row left behind by an upgrade to 16' },
    ];
    expect(tableProblems(stale, packageJson, installedVersion)).toEqual([
      'left-pad: not a direct dependency in package.json',
      `graphql: the table says 15, ${majorOf(installedVersion('graphql'))} is installed`,
    ]);
  });
});
