// What the suite needs from the system beyond Node, and where the browser tests find Chromium. Shared by the
// prerequisite check (plain Node, run before anything is built), the tests' browser helper and their test,
// so all follow one rule and name the same packages.
'use strict';
const { accessSync, constants } = require('node:fs');
const { delimiter, join } = require('node:path');

/** Debian's Chromium; Playwright's own browser builds cannot be downloaded on the closed networks we target. */
const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** CHROMIUM_PATH when set (any Chromium or Chrome binary), else Debian's Chromium. */
function chromiumPath(env = process.env) {
  const configured = (env.CHROMIUM_PATH ?? '').trim();
  return configured === '' ? DEFAULT_CHROMIUM_PATH : configured;
}

/**
 * Debian/Ubuntu packages: the launcher's Java and Maven, Chromium, a Japanese font for the pages' text, nginx,
 * the real reverse proxy the proxy test puts in front of the service, and Prometheus for its promtool, which
 * tests the alert rules (deploy/prometheus/). The PDF producers' test prints the documents in a Mincho face
 * too, with weasyprint as a second HTML-to-PDF engine, and re-distils one with Ghostscript (lost Unicode maps).
 */
const DEBIAN_PACKAGES = {
  java: 'openjdk-17-jdk-headless',
  maven: 'maven',
  chromium: 'chromium',
  japaneseFont: 'fonts-ipafont-gothic',
  nginx: 'nginx-light',
  prometheus: 'prometheus',
  minchoFont: 'fonts-ipafont-mincho',
  weasyprint: 'weasyprint',
  ghostscript: 'ghostscript',
  officeWriter: 'libreoffice-writer-nogui',
  officeCalc: 'libreoffice-calc-nogui',
  poppler: 'poppler-utils',
};

/** Where Debian puts nginx: /usr/sbin, which is on root's PATH but not always on a user's. */
const DEBIAN_NGINX_PATH = '/usr/sbin/nginx';

/** The nginx binary: the one on PATH, else Debian's; undefined when there is none. */
function nginxPath(env = process.env) {
  const directories = (env.PATH ?? '').split(delimiter).filter((directory) => directory !== '');
  return [...directories.map((directory) => join(directory, 'nginx')), DEBIAN_NGINX_PATH].find(isExecutable);
}

/** Whether `path` is a file this process may run. */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Everything in one line (a new machine's package lists may be empty, and apt skips what is installed); the README's quick start shows the same. */
const DEBIAN_INSTALL_LINE = `sudo apt-get update && sudo apt-get install -y ${Object.values(DEBIAN_PACKAGES).join(' ')}`;

module.exports = { DEFAULT_CHROMIUM_PATH, chromiumPath, nginxPath, isExecutable, DEBIAN_PACKAGES, DEBIAN_INSTALL_LINE };
