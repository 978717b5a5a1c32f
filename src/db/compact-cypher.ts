/**
 * A cypher/ file as it is sent: without its `//` comment lines, blank lines and indentation, one clause per
 * line as written.
 *
 * Every statement travels whole with each request (Bolt has no prepared statements; Neo4j finds its plan by
 * the text), so what documents a file for its readers costs bytes on every run: the search statement was
 * 1,604 bytes, three quarters of them comments, and the driver writes a message in pieces of at most 1,400
 * bytes, so it took two socket writes instead of one (each a system call into the loopback stack, the
 * single largest item of the driver's share of a request). The lines stay lines, so a position Neo4j reports
 * in an error still points at a clause of the file.
 *
 * Safe for this project's files: none has a string literal spanning lines or a comment after code on a line
 * (`tests/unit/db/compact-cypher.test.ts` checks every file of cypher/ for both).
 */
export function compactCypher(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n');
}
