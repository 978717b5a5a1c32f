#!/usr/bin/env node
// Runs first in `npm test` (pretest): checks the system programs the suite needs and, when one is missing,
// stops within a second with the one install line, instead of failing 26 browser tests after minutes.
// `--missing-debian-packages` prints the Debian packages that would provide what is missing (for .ci/run).
'use strict';
const { scriptArguments } = require('./script-arguments');
const { existsSync } = require('node:fs');
const { delimiter, join } = require('node:path');
const { spawnSync } = require('node:child_process');
const {
  DEBIAN_INSTALL_LINE,
  DEBIAN_PACKAGES,
  chromiumPath,
  nginxPath,
  isExecutable,
} = require('./system-prerequisites');

/** The launcher targets Java 17 (neo4j/pom.xml, maven.compiler.release). */
const MINIMUM_JAVA = 17;
/** Every check spawns at most one short program; a hung one must not make this check slow. */
const PROGRAM_TIMEOUT_MS = 5_000;

/** The program's path as the shell would find it on PATH, or undefined. */
function onPath(program, env) {
  const directories = (env.PATH ?? '').split(delimiter).filter((directory) => directory !== '');
  return directories.map((directory) => join(directory, program)).find(isExecutable);
}

/** The same rule as the embedded Neo4j's launcher (src/db/embedded-neo4j.ts): JAVA_HOME's java, else PATH's. */
function checkJava(env) {
  const java = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : onPath('java', env);
  const where = env.JAVA_HOME ? `JAVA_HOME/bin/java (${java})` : 'java on PATH';
  if (java === undefined || !isExecutable(java)) {
    return {
      problem: `no ${where}: the embedded Neo4j runs on Java ${MINIMUM_JAVA}`,
      packages: [DEBIAN_PACKAGES.java],
    };
  }
  const result = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: PROGRAM_TIMEOUT_MS });
  // `java -version` prints e.g. `openjdk version "17.0.15" 2025-04-15` (or "1.8.0_372" before Java 9) on stderr.
  const version = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr ?? ''}${result.stdout ?? ''}`);
  const major = version ? Number(version[1] === '1' ? version[2] : version[1]) : NaN;
  if (!(major >= MINIMUM_JAVA)) {
    const found = version ? `Java ${major}` : 'no readable version';
    return {
      problem: `${where} is ${found}; the embedded Neo4j needs Java ${MINIMUM_JAVA} or later`,
      packages: [DEBIAN_PACKAGES.java],
    };
  }
  return undefined;
}

function checkMaven(env) {
  if (onPath('mvn', env) !== undefined) return undefined;
  return { problem: 'no mvn on PATH: Maven 3 builds the embedded-Neo4j launcher', packages: [DEBIAN_PACKAGES.maven] };
}

function checkPromtool(env) {
  if (onPath('promtool', env) !== undefined) return undefined;
  return {
    problem: 'no promtool on PATH: the tests of the alert rules (deploy/prometheus/) run it',
    packages: [DEBIAN_PACKAGES.prometheus],
  };
}

function checkChromium(env) {
  const path = chromiumPath(env);
  if (isExecutable(path)) return undefined;
  const how = env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : 'the default; set CHROMIUM_PATH to use another';
  const what = existsSync(path) ? 'is not executable' : 'does not exist';
  return {
    problem: `Chromium at ${path} (${how}) ${what}: the browser tests drive it`,
    packages: [DEBIAN_PACKAGES.chromium],
  };
}

function checkNginx(env) {
  if (nginxPath(env) !== undefined) return undefined;
  return {
    problem: 'no nginx on PATH or at /usr/sbin/nginx: the reverse-proxy test runs the service behind it',
    packages: [DEBIAN_PACKAGES.nginx],
  };
}

/**
 * A missing Japanese font is a warning, not a stop: the browser tests read text from the page, not from
 * pixels, so they pass without it; only their screenshots (test-artifacts/) then show empty boxes.
 */
function checkJapaneseFont() {
  const fcList = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8', timeout: PROGRAM_TIMEOUT_MS });
  const found =
    fcList.error === undefined && fcList.status === 0
      ? fcList.stdout.trim() !== ''
      : existsSync('/usr/share/fonts/opentype/ipafont-gothic'); // no fontconfig tools: look where Debian puts it
  if (found) return undefined;
  return {
    problem: 'no Japanese font (fc-list :lang=ja lists none): screenshots of the browser tests will show empty boxes',
    packages: [DEBIAN_PACKAGES.japaneseFont],
  };
}

/**
 * The PDF producers' tests (tests/integration/ingest/pdf-*producers.int.test.ts) run weasyprint, gs and an
 * office suite's document and spreadsheet exports (LibreOffice Writer and Calc, `soffice --headless`), and
 * check the office suite's text with poppler's pdftotext and pdffonts.
 */
function checkPdfProducers(env) {
  const missing = [
    ['weasyprint', DEBIAN_PACKAGES.weasyprint],
    ['gs', DEBIAN_PACKAGES.ghostscript],
    ['soffice', `${DEBIAN_PACKAGES.officeWriter} ${DEBIAN_PACKAGES.officeCalc}`],
    ['pdftotext', DEBIAN_PACKAGES.poppler],
  ].filter(([program]) => onPath(program, env) === undefined);
  if (missing.length === 0) return undefined;
  return {
    problem: `no ${missing.map(([program]) => program).join(' or ')} on PATH: the PDF producers' test prints with them`,
    packages: missing.map(([, pkg]) => pkg),
  };
}

/** The PDF producers' test sets the documents in IPA Mincho; without it Chromium falls back to another face. */
function checkMinchoFont() {
  if (existsSync('/usr/share/fonts/opentype/ipafont-mincho')) return undefined;
  const fcList = spawnSync('fc-list', [':family=IPAMincho', 'family'], {
    encoding: 'utf8',
    timeout: PROGRAM_TIMEOUT_MS,
  });
  if (fcList.error === undefined && fcList.status === 0 && fcList.stdout.trim() !== '') return undefined;
  return {
    problem: "no IPAMincho font: the PDF producers' test prints the documents in a Mincho face",
    packages: [DEBIAN_PACKAGES.minchoFont],
  };
}

function main() {
  const env = process.env;
  const fatal = [
    checkJava(env),
    checkMaven(env),
    checkPromtool(env),
    checkChromium(env),
    checkNginx(env),
    checkPdfProducers(env),
    checkMinchoFont(),
  ].filter((found) => found !== undefined);
  const warnings = [checkJapaneseFont()].filter((found) => found !== undefined);

  const { values } = scriptArguments(process.argv.slice(2), {
    usage: [
      'usage: node scripts/check-prerequisites.js [--missing-debian-packages]',
      '  checks the system tools the tests need and names the install line for what is missing;',
      '  --missing-debian-packages prints only the Debian packages that would provide it (for .ci/run)',
    ].join('\n'),
    options: { 'missing-debian-packages': { type: 'boolean' } },
  });
  if (values['missing-debian-packages']) {
    const packages = [...fatal, ...warnings].flatMap((found) => found.packages);
    if (packages.length > 0) process.stdout.write(`${packages.join(' ')}\n`);
    return 0;
  }
  for (const warning of warnings) process.stderr.write(`warning: ${warning.problem}\n`);
  if (fatal.length === 0) return 0;
  process.stderr.write(
    [
      'npm test cannot run yet; missing:',
      ...fatal.map((found) => `  - ${found.problem}`),
      'On Debian or Ubuntu, install the prerequisites with:',
      `  ${DEBIAN_INSTALL_LINE}`,
      'On Ubuntu, Chromium comes as a snap: leave chromium out of that line, then',
      '  sudo snap install chromium && export CHROMIUM_PATH=/snap/bin/chromium',
      '(CHROMIUM_PATH may name any Chromium or Chrome binary.)',
      '',
    ].join('\n'),
  );
  return 1;
}

process.exitCode = main();
