import type { Writable } from 'node:stream';

/**
 * Resolves on the stream's `drain`; rejects when it closes or fails first (the client went away), so a
 * writer waiting for a reader that left does not wait forever.
 */
export function drained(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.reject(new Error('the export stream closed before the client read it'));
  return new Promise((resolve, reject) => {
    const cleanUp = (): void => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', onClose);
    };
    const onDrain = (): void => {
      cleanUp();
      resolve();
    };
    const onClose = (): void => {
      cleanUp();
      reject(new Error('the export stream closed before the client read it'));
    };
    stream.once('drain', onDrain);
    stream.once('close', onClose);
    stream.once('error', onClose);
  });
}
