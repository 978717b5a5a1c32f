import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCES_DIRECTORY } from '../../../src/ingest/ingest';
import { SOURCE_FILES, type SourceRole } from '../../../src/ingest/merge/read-documents';
import { unusableTextSample } from '../../../src/ingest/pdf/unusable-text';

const documentText = (role: SourceRole): string => readFileSync(join(SOURCES_DIRECTORY, SOURCE_FILES[role]), 'utf8');

describe('text a PDF page maps to no usable characters', () => {
  it.each(Object.keys(SOURCE_FILES) as SourceRole[])('reads the whole of %s as usable text', (role) => {
    expect(unusableTextSample(documentText(role))).toBeUndefined();
  });

  it('refuses a replacement character, a private-use code point or a control character, even one', () => {
    expect(unusableTextSample('政策連携プラン\n基本方針\uFFFDの推進')).toBe('基本方針\uFFFDの推進');
    expect(unusableTextSample('市民\uE012協働')).toBe('市民\uE012協働');
    expect(unusableTextSample('市民\u0003協働')).toBe('市民\u0003協働');
  });

  it('refuses Latin where Japanese was printed, as a broken ToUnicode map gives it', () => {
    // Lines of 004 as Ghostscript's pdfwrite re-distils Chromium's print of it (pdftotext of that PDF).
    const mojibake = [
      '政策連携÷ùン',
      '(1)政策連携÷ùン{tいv',
      '- 前期基本計画w1各政策大綱分野内~施策~推進qw解決|難wい分野横断的z課題{対',
      'w1}~課題意識を明示y»xx{1課題解決{資y»個別~取組を体系的{取º~x<政策',
    ].join('\n');
    expect(unusableTextSample(mojibake)).toBe('政策連携÷ùン');
  });

  it('keeps a page with a few Latin letters among Japanese, as the documents print them', () => {
    const lines = documentText('finalPlan').split('\n').slice(0, 200).join('\n');
    expect(unusableTextSample(`${lines}\n計画期間（R5～R9）×2、PPP / PFI*等、いor不明`)).toBeUndefined();
  });
});
