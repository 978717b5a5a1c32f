#!/usr/bin/env node
// A fast writer in a process of its own (a client in the test's own process shares its event loop with the
// server, which hides the race): POSTs `bytes` of JSON to 127.0.0.1:PORT/graphql `tries` times, one after the
// other, writing as fast as the socket takes it, and prints {"statusLines": [...]} with the first line each read.
// Usage: node tests/helpers/fast-upload.js PORT TRIES BYTES CONNECTION
'use strict';
const { connect } = require('node:net');

const [port, tries, bytes] = process.argv.slice(2, 5).map(Number);
const connection = process.argv[5] ?? 'keep-alive';

function once() {
  return new Promise((resolve) => {
    let received = '';
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST /graphql HTTP/1.1\r\nhost: localhost\r\nconnection: ${connection}\r\n` +
          `content-type: application/json\r\ncontent-length: ${bytes}\r\n\r\n`,
      );
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < bytes && socket.writable) {
          sent += chunk.length;
          if (!socket.write(chunk)) return;
        }
      };
      socket.on('drain', pump);
      pump();
    });
    const timer = setTimeout(() => socket.destroy(), 15_000);
    socket.on('data', (data) => (received += data.toString('latin1')));
    socket.on('error', () => undefined); // what was read before it is what counts
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received === '' ? 'nothing read' : received.split('\r\n')[0]);
    });
  });
}

(async () => {
  const statusLines = [];
  for (let attempt = 0; attempt < tries; attempt++) statusLines.push(await once());
  process.stdout.write(`${JSON.stringify({ statusLines })}\n`);
})();
