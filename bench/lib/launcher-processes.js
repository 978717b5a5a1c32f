'use strict';
// The embedded-Neo4j launcher JVMs of a data directory, and which of them serves the database: with a standby
// kept (EMBEDDED_NEO4J_STANDBY) there are two, and only the one listening on the Bolt port is the database's.
// Shared by the benchmark's failure drill and the tests (tests/helpers/launcher-processes.ts).
const { execFileSync } = require('node:child_process');
const { readdirSync, readFileSync, readlinkSync } = require('node:fs');

/** Command lines (`pid args…`) of running launchers whose data directory is `dataDirectory`. */
function launchersFor(dataDirectory) {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('embedded-neo4j.jar') && line.includes(`--home=${dataDirectory} `));
}

/** The socket inodes listening on TCP `port` (IPv4 and IPv6), from the kernel's tables. */
function listeningInodes(port) {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const row of text.split('\n').slice(1)) {
      // sl, local address, remote address, state (0A: LISTEN), …, inode (the tenth field)
      const fields = row.trim().split(/\s+/);
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A' && fields[9] !== undefined) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** Whether process `pid` holds one of `inodes` among its open sockets. */
function holdsSocket(pid, inodes) {
  let descriptors = [];
  try {
    descriptors = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  return descriptors.some((descriptor) => {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${descriptor}`))?.[1];
      return inode !== undefined && inodes.has(inode);
    } catch {
      return false;
    }
  });
}

/**
 * The pid of the launcher of `dataDirectory` serving Bolt on `port` now: the database's JVM, not a standby (whose
 * scratch DBMS listens on a port of its own). Undefined while none listens.
 */
function launcherServing(dataDirectory, port) {
  const inodes = listeningInodes(port);
  return launchersFor(dataDirectory)
    .map((line) => Number(line.trim().split(/\s+/)[0]))
    .find((pid) => holdsSocket(pid, inodes));
}

module.exports = { launchersFor, launcherServing };
