import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceDocument } from '../../../src/ingest/source-document';
import { UnreadableDocumentError } from '../../../src/ingest/unreadable-document';

describe('a source file that is not text', () => {
  const directory = mkdtempSync(join(tmpdir(), 'sources-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const write = (name: string, bytes: Uint8Array): void => writeFileSync(join(directory, name), bytes);

  it('names the line of the first byte that is not UTF-8 (a Shift_JIS export)', () => {
    // 本庄市 in Shift_JIS (96 7B 8F AB 8E 73) on line 3, after two UTF-8 lines.
    write(
      'sjis.txt',
      Buffer.concat([Buffer.from('本庄市\n令和6年\n'), Buffer.from([0x96, 0x7b, 0x8f, 0xab, 0x8e, 0x73])]),
    );
    expect(() => SourceDocument.read(directory, 'sjis.txt')).toThrow(
      new UnreadableDocumentError(
        'sjis.txt',
        3,
        'bytes that are not UTF-8 (another encoding such as Shift_JIS? export the text as UTF-8)',
      ),
    );
    expect(() => SourceDocument.read(directory, 'sjis.txt')).toThrow(
      /^sjis\.txt:3: cannot be read: bytes that are not UTF-8/,
    );
  });

  it('names a binary file by its NUL byte', () => {
    write('binary.txt', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0a, 0x00, 0x01]));
    expect(() => SourceDocument.read(directory, 'binary.txt')).toThrow(
      'binary.txt:2: cannot be read: it holds a NUL byte, so it is binary, not extracted text',
    );
  });

  it('names a missing file', () => {
    expect(() => SourceDocument.read(directory, 'absent.txt')).toThrow('absent.txt: cannot be read: no such file');
  });

  it('reads UTF-8 text line for line, CRLF normalised and the BOM dropped by the decoder', () => {
    write('ok.txt', Buffer.from('\uFEFF本庄市\r\n令和6年\r\n'));
    expect(SourceDocument.read(directory, 'ok.txt').lines).toEqual(['本庄市', '令和6年', '']);
  });
});
