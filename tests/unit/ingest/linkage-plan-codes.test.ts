import {
  compareCodes,
  findPolicyItemCodes,
  readPolicyItemCode,
} from '../../../src/ingest/linkage-plan/policy-item-code';
import { readPlanHeading } from '../../../src/ingest/linkage-plan/plan-heading';

describe('policy-item codes in the linkage plans', () => {
  it.each([
    ['1-3', '1-3'],
    ['１－３', '1-3'],
    ['3‐2', '3-2'],
    ['3–2', '3-2'],
    ['3—2', '3-2'],
    ['3−2', '3-2'],
    ['3ー2', '3-2'],
    [' 3 - 2 ', '3-2'],
    ['6-12', '6-12'],
  ])('reads the cell %j as the code %s', (cell, code) => {
    expect(readPolicyItemCode(cell)).toBe(code);
  });

  it.each(['1-x', '一-三', '1', '1-2 医療', '○', ''])('does not read the cell %j as a code', (cell) => {
    expect(readPolicyItemCode(cell)).toBeNull();
  });

  it('finds every code of a list with the name written after it', () => {
    expect(findPolicyItemCodes('２－１ 確かな学力と自立する力の育成 2-2 豊かな心と健やかな体の育成 2-4')).toEqual([
      { code: '2-1', name: '確かな学力と自立する力の育成' },
      { code: '2-2', name: '豊かな心と健やかな体の育成' },
      { code: '2-4', name: '' },
    ]);
  });

  it('does not take part of a longer number for a code', () => {
    expect(findPolicyItemCodes('2023-4 や 2023-4-1 と 12-3').map((c) => c.code)).toEqual(['12-3']);
  });

  it('orders codes numerically', () => {
    expect(['2-1', '1-10', '1-2'].sort(compareCodes)).toEqual(['1-2', '1-10', '2-1']);
  });
});

describe('plan headings', () => {
  it.each([
    ['①塙保己一プラン', 1, '塙保己一プラン'],
    ['⑤誰もが輝く、チャレンジ応援プラン', 5, '誰もが輝く、チャレンジ応援プラン'],
    ['❸ まちなか再生にぎわいプラン', 3, 'まちなか再生にぎわいプラン'],
    ['⑫ プラン', 12, 'プラン'],
  ])('folds %j to plan %d named %j', (line, number, name) => {
    expect(readPlanHeading(line)).toEqual({ number, name });
  });

  it.each(['(1)政策連携プランについて', '4-4 交通サービスの充実', '①', '○塙保己一の生き方に学ぶ'])(
    'does not take %j for a plan heading',
    (line) => {
      expect(readPlanHeading(line)).toBeNull();
    },
  );
});
