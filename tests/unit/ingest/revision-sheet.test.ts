import { allPolicyItems, FIELD_5_SHEETS, FIELD_6_SHEETS, policyItem, sheets } from './revision-sheet-fixture';

describe('revision sheets (000, 002): documents and policy items', () => {
  it('reads the field number and name of each document', () => {
    expect(sheets(FIELD_5_SHEETS)).toMatchObject({
      fieldNumber: 5,
      fieldName: '市民生活',
      source: { document: FIELD_5_SHEETS, line: 5 },
    });
    expect(sheets(FIELD_6_SHEETS)).toMatchObject({
      fieldNumber: 6,
      fieldName: '行財政経営',
      source: { document: FIELD_6_SHEETS, line: 5 },
    });
  });

  it('finds the 11 detailed policy items 5-1…5-6 and 6-1…6-5 with their heading lines', () => {
    expect(allPolicyItems().map((item) => item.code)).toEqual([
      '5-1',
      '5-2',
      '5-3',
      '5-4',
      '5-5',
      '5-6',
      '6-1',
      '6-2',
      '6-3',
      '6-4',
      '6-5',
    ]);
    expect(policyItem('5-1')).toMatchObject({ name: '市民との協働によるまちづくりの推進', source: { line: 7 } });
    // Heading written as a table row with <b> tags, and on one line with the rename answer.
    expect(policyItem('6-2')).toMatchObject({ name: '効率的・効果的な行政経営の推進', source: { line: 94 } });
    expect(policyItem('6-3')).toMatchObject({ name: '早稲田大学との基本協定に基づく施策の推進', renamed: false });
  });

  it('gives every record a source line inside its policy item, in its own document', () => {
    for (const [name, document] of [FIELD_5_SHEETS, FIELD_6_SHEETS].map((file) => [file, sheets(file)] as const)) {
      document.policyItems.forEach((item, i) => {
        const end = document.policyItems[i + 1]?.source.line ?? Infinity;
        const records = [
          item.survey,
          ...item.sdgs,
          ...item.indicatorProposals,
          ...item.visions,
          ...item.measures,
          ...item.relatedPlans,
          ...item.projects,
        ];
        for (const { source } of records) {
          expect(source.document).toBe(name);
          expect(source.line).toBeGreaterThan(item.source.line);
          expect(source.line).toBeLessThan(end);
        }
      });
    }
  });

  it('reads 6-4 電子自治体の推進 as renamed to 行政のデジタル化の推進 (大項目名の変更必要性 あり) and no other item as renamed', () => {
    expect(policyItem('6-4')).toMatchObject({
      name: '電子自治体の推進',
      renamed: true,
      newName: '行政のデジタル化の推進',
    });
    expect(
      allPolicyItems()
        .filter((item) => item.renamed)
        .map((item) => item.code),
    ).toEqual(['6-4']);
    expect(
      allPolicyItems()
        .filter((item) => !item.renamed)
        .every((item) => item.newName === null),
    ).toBe(true);
  });
});

describe('revision sheets: citizen survey', () => {
  it('reads 5-1 question, scores per fiscal year and ranks', () => {
    const { survey } = policyItem('5-1');
    expect(survey.question).toBe('ボランティア活動や自治会活動などの市民との協働によるまちづくりが進んでいる');
    expect(survey.satisfaction.scores).toEqual([
      { fiscalYear: { label: 'H24', year: 2012 }, value: -0.1 },
      { fiscalYear: { label: 'H28', year: 2016 }, value: 0.03 },
      { fiscalYear: { label: 'R3', year: 2021 }, value: 0.08 },
    ]);
    expect(survey.satisfaction).toMatchObject({ rank: 11, rankOutOf: 36, source: { line: 14 } });
    expect(survey.importance.scores.map((score) => score.value)).toEqual([0.59, 0.78, 0.83]);
    expect(survey.importance).toMatchObject({ rank: 34, rankOutOf: 36, source: { line: 15 } });
  });

  it('gives every item three survey years and ranks out of 36', () => {
    for (const { survey } of allPolicyItems()) {
      for (const scale of [survey.satisfaction, survey.importance]) {
        expect(scale.scores.map((score) => score.fiscalYear.label)).toEqual(['H24', 'H28', 'R3']);
        expect(scale.rankOutOf).toBe(36);
      }
    }
    expect(policyItem('6-3').survey.importance.rank).toBe(36);
    expect(policyItem('6-5').survey.satisfaction.scores.map((score) => score.value)).toEqual([-0.45, -0.12, 0.04]);
  });
});

describe('revision sheets: related SDGs', () => {
  it('reads goal numbers, also when the number runs into the title (10人や国) or sits in its own cell (3⇥すべての人に)', () => {
    expect(policyItem('5-2').sdgs.map((sdg) => sdg.goal)).toEqual([4, 5, 10, 16, 17]);
    expect(policyItem('5-2').sdgs[2]).toMatchObject({
      goal: 10,
      label: '人や国の不平等をなくそう',
      source: { line: 91 },
    });
    expect(policyItem('5-5').sdgs).toMatchObject([{ goal: 3, label: 'すべての人に健康と福祉を' }]);
    expect(policyItem('6-4').sdgs.map((sdg) => sdg.goal)).toEqual([3, 4, 9]);
  });

  it('reads the SDG label that follows the survey table without a blank line (5-3)', () => {
    expect(policyItem('5-3').sdgs).toMatchObject([{ goal: 11, source: { line: 162 } }]);
  });

  it('lists SDG 17 for 5-1, 5-2, 6-1 and 6-5', () => {
    const withGoal17 = allPolicyItems().filter((item) => item.sdgs.some((sdg) => sdg.goal === 17));
    expect(withGoal17.map((item) => item.code)).toEqual(['5-1', '5-2', '6-1', '6-5']);
  });
});

describe('revision sheets: measures (施策中項目)', () => {
  it('reads 5-1 four measures with their responsible departments', () => {
    expect(
      policyItem('5-1').measures.map(({ code, name, departments, status }) => ({ code, name, departments, status })),
    ).toEqual([
      { code: '5-1-1', name: '自治会の支援', departments: ['市民活動推進課', '危機管理課'], status: 'UNCHANGED' },
      { code: '5-1-2', name: 'コミュニティ活動団体の支援', departments: ['市民活動推進課'], status: 'UNCHANGED' },
      {
        code: '5-1-3',
        name: 'ボランティア団体・NPO法人等との協働',
        departments: ['市民活動推進課', '支所総務課'],
        status: 'UNCHANGED',
      },
      { code: '5-1-4', name: '市民・企業との協働', departments: ['市民活動推進課'], status: 'CHANGED' },
    ]);
  });

  it('counts 50 measure rows: 49 kept in the next plan, 1 deleted (5-6 職員の資質の向上), 1 new (6-2 データの集積と活用の推進)', () => {
    const measures = allPolicyItems().flatMap((item) => item.measures);
    expect(measures).toHaveLength(50);
    expect(measures.filter((measure) => measure.status !== 'DELETED')).toHaveLength(49);
    expect(measures.filter((measure) => measure.status === 'DELETED').map((measure) => measure.code)).toEqual([
      '5-6-3',
    ]);
    expect(
      measures.filter((measure) => measure.status === 'NEW').map((measure) => [measure.code, measure.name]),
    ).toEqual([['6-2-8', 'データの集積と活用の推進']]);
    expect(allPolicyItems().map((item) => item.measures.length)).toEqual([4, 5, 6, 4, 2, 4, 3, 8, 4, 4, 6]);
  });

  it('reads 5-6: 【順番の入替】 swaps 1 and 2, 職員の資質の向上 is deleted with its reason, 4 becomes 3', () => {
    const measures = policyItem('5-6').measures;
    const finalOrder = measures
      .filter((measure) => measure.nextNumber !== null)
      .sort((a, b) => (a.nextNumber ?? 0) - (b.nextNumber ?? 0))
      .map((measure) => measure.name);
    expect(finalOrder).toEqual(['窓口サービスの向上', '市民相談の充実', '市民ニーズに合った使いやすい市庁舎等の実現']);
    expect(measures[2]).toMatchObject({
      name: '職員の資質の向上',
      departments: ['行政管理課'],
      status: 'DELETED',
      nextNumber: null,
      deletionReason: '(6-2「効率的・効果的な行政経営の推進」に記載されているため)',
      source: { line: 425 },
    });
    expect(measures.every((measure) => measure.newName === null)).toBe(true);
  });

  it('takes a status from a block far below its row (5-3-1 at line 205, row at 200) and keeps the rewritten 内容', () => {
    const [first] = policyItem('5-3').measures;
    expect(first).toMatchObject({ status: 'CHANGED', source: { line: 200 }, statusSource: { line: 205 } });
    expect(first?.revisedDescription).toMatch(/^●市民の生命及び財産を守るため.*市ホームページ・SNSや防災行政無線/);
    expect(policyItem('5-3').measures[1]).toMatchObject({ status: 'UNCHANGED', statusSource: { line: 210 } });
  });

  it('reads two statuses from one line (6-3 line 234: ←変更なし⇥←変更なし) for the two rows above', () => {
    expect(
      policyItem('6-3')
        .measures.slice(0, 2)
        .map((m) => [m.status, m.statusSource.line]),
    ).toEqual([
      ['UNCHANGED', 234],
      ['UNCHANGED', 234],
    ]);
  });

  it('reads a department set given in the change column, in the row (6-3-3) and in a detached block (6-4-1)', () => {
    const culture = policyItem('6-3').measures[2];
    expect(culture).toMatchObject({
      name: '協働連携による文化の育成・発展',
      departments: ['学校教育課'],
      newDepartments: ['学校教育課', '文化財保護課'],
    });
    expect(culture?.revisedDescription).toMatch(/^●留学生と小学生による/);
    expect(policyItem('6-4').measures[0]).toMatchObject({
      name: 'ICTの利活用による市民の利便性の向上',
      departments: ['情報システム課', 'スポーツ推進課', '生涯学習課', '市民活動推進課'],
      newDepartments: ['情報システム課', '課税課', '市民活動推進課', '市民課', '生涯学習課', 'スポーツ推進課'],
    });
  });

  it('splits departments on 、 only and keeps a measure name that contains 、 (6-2-3 組織、機構の見直し)', () => {
    expect(policyItem('6-1').measures[0]?.departments).toEqual(['広報課', '秘書課', '議会事務局']);
    expect(policyItem('6-2').measures[2]).toMatchObject({ name: '組織、機構の見直し', departments: ['企画課'] });
  });

  it('reads 6-5-6 まちの魅力創造 as changed in its 内容 only: the draft does not rename it (the final text does)', () => {
    expect(policyItem('6-5').measures[5]).toMatchObject({
      name: 'まちの魅力創造',
      status: 'CHANGED',
      newName: null,
      nextNumber: 6,
    });
  });

  it('answers the example: measures whose item contributes to SDG 17 and for which 市民活動推進課 is responsible', () => {
    const codes = allPolicyItems()
      .filter((item) => item.sdgs.some((sdg) => sdg.goal === 17))
      .flatMap((item) => item.measures)
      .filter(
        (measure) =>
          measure.status !== 'DELETED' && (measure.newDepartments ?? measure.departments).includes('市民活動推進課'),
      )
      .map((measure) => measure.code);
    expect(codes).toEqual(['5-1-1', '5-1-2', '5-1-3', '5-1-4', '5-2-1', '5-2-2', '5-2-3', '5-2-4', '5-2-5']);
  });
});

describe('revision sheets: visions (めざす姿)', () => {
  it('reads row statuses, a rewritten text and a 新規 vision (5-1)', () => {
    expect(policyItem('5-1').visions.map((vision) => [vision.status, vision.revisedText])).toEqual([
      ['UNCHANGED', null],
      ['CHANGED', '地域のニーズや課題に対して、年齢や性別、組織を問わず市民の活動が活発化しています。'],
      ['NEW', null],
    ]);
    expect(policyItem('5-1').visions[2]?.text).toBe('市民の提案がまちづくりに生きています。');
  });

  it('accepts a status block that repeats the row statuses (5-2) and one that adds the missing new text (6-3)', () => {
    expect(policyItem('5-2').visions.map((vision) => vision.status)).toEqual([
      'UNCHANGED',
      'UNCHANGED',
      'UNCHANGED',
      'CHANGED',
      'CHANGED',
    ]);
    expect(policyItem('6-3').visions[2]).toMatchObject({
      status: 'CHANGED',
      revisedText:
        '早稲田大学との連携により、「知的資源に恵まれた都市」というブランドイメージが構築され、移住・定住者が増加しています。',
      statusSource: { line: 228 },
    });
  });

  it('places 6-2 two statuses on three visions by the rewritten text, leaving the middle vision without a status', () => {
    expect(policyItem('6-2').visions.map((vision) => vision.status)).toEqual(['UNCHANGED', null, 'CHANGED']);
    expect(policyItem('6-2').visions[2]?.revisedText).toBe(
      '近隣の自治体や民間との相互連携により、効率的かつ効果的な行政経営が行われています。',
    );
  });

  it('counts 31 visions, two of them new (in 5-1 and 6-4)', () => {
    const visions = allPolicyItems().flatMap((item) => item.visions);
    expect(visions).toHaveLength(31);
    expect(
      allPolicyItems()
        .filter((item) => item.visions.some((vision) => vision.status === 'NEW'))
        .map((item) => item.code),
    ).toEqual(['5-1', '6-4']);
  });
});

describe('revision sheets: related plans (関連計画, next-plan side)', () => {
  it('takes the next-plan name and period (5-5 第11次本庄市交通安全計画, 令和3～8年度)', () => {
    expect(policyItem('5-5').relatedPlans).toMatchObject([
      {
        status: 'CHANGED',
        name: '第11次本庄市交通安全計画',
        currentName: '本庄市交通安全計画',
        period: '令和3～8年度',
        periodStart: { label: 'R3' },
      },
    ]);
  });

  it('keeps the current name where the next-plan name cell is empty and drops placeholder rows', () => {
    const plans = policyItem('6-2').relatedPlans;
    expect(plans.map((plan) => [plan.status, plan.name])).toEqual([
      ['CHANGED', '本庄市行政改革大綱'],
      ['CHANGED', '本庄地域定住自立圏共生ビジョン'],
      ['CHANGED', '本庄市人材育成基本方針'],
      ['CHANGED', '本庄市職員研修計画'],
      ['DELETED', '本庄市における女性職員の活躍の推進に関する特定事業主行動計画'],
      ['DELETED', '本庄市次世代育成支援特定事業主行動計画(第3期計画)'],
      ['NEW', '本庄市次世代育成支援・女性活躍推進特定事業主行動計画'],
    ]);
    expect(plans[0]).toMatchObject({ period: 'R5-R9年度', summary: '次期大綱作成に向け検討中' });
    expect(policyItem('5-4').relatedPlans).toEqual([]);
    expect(policyItem('6-1').relatedPlans).toEqual([]);
  });

  it('reads a renamed plan whose row starts two cells late (6-4 本庄市ICT推進指針, R 5年度-)', () => {
    expect(policyItem('6-4').relatedPlans).toMatchObject([
      {
        status: 'CHANGED',
        name: '本庄市ICT推進指針',
        currentName: '本庄市電子自治体推進指針',
        period: 'R 5年度-',
        periodStart: { label: 'R5', year: 2023 },
      },
    ]);
  });
});

describe('revision sheets: main projects (主な事業)', () => {
  it('counts 82 project rows: 2 deleted and 2 new, so 80 projects in the next plan', () => {
    const projects = allPolicyItems().flatMap((item) => item.projects);
    expect(projects).toHaveLength(82);
    expect(projects.filter((project) => project.status !== 'DELETED')).toHaveLength(80);
    expect(projects.filter((project) => project.status === 'DELETED').map((project) => project.name)).toEqual([
      '職員研修',
      '公衆Wi-Fi環境の整備',
    ]);
    expect(allPolicyItems().map((item) => item.projects.length)).toEqual([9, 5, 10, 8, 5, 3, 6, 16, 7, 6, 7]);
  });

  it('reads new projects from the change side only (6-2 ⑯, 6-3 ⑦)', () => {
    const added = allPolicyItems().flatMap((item) =>
      item.projects
        .filter((project) => project.status === 'NEW')
        .map((project) => [item.code, project.number, project.name]),
    );
    expect(added).toEqual([
      ['6-2', 16, 'オンライン個別相談の実施'],
      ['6-3', 7, '文化資源の活用'],
    ]);
    expect(policyItem('6-3').projects[6]?.summary).toMatch(/^本庄早稲田の杜ミュージアムの共同運営を通じ/);
  });

  it('reads renames written in four ways', () => {
    const renames = allPolicyItems().flatMap((item) =>
      item.projects
        .filter((project) => project.newName !== null)
        .map((project) => [item.code, project.name, project.newName]),
    );
    expect(renames).toEqual([
      ['5-6', '休日窓口開庁業務', '休日・時間外対応業務'],
      ['6-1', '市民と市長の対話集会', '市長への手紙'],
      ['6-1', '市長への手紙', '市民と市長との対話集会'],
      ['6-2', '組織の見直し・定員適正化の推進', '組織の見直し・適正な定員管理の推進'],
      ['6-2', '市域を越えた連携の推進', '広域行政の推進'],
      ['6-4', '電子申請システム事業', '行政手続のオンライン化'],
      ['6-5', '財政収支の見通しの策定', '財政収支の見通しの作成'],
    ]);
  });

  it('keeps the current summary without its ○ bullet and the rewritten one separately', () => {
    expect(policyItem('5-1').projects[3]).toMatchObject({
      name: '地域コミュニティへの助成',
      status: 'CHANGED',
      summary:
        '地域コミュニティ醸成のため、財団法人自治総合センターの助成金を受けて、地域コミュニティ活動に必要な物品等の整備を行います。',
      revisedSummary:
        '地域コミュニティ醸成のため、一般財団法人自治総合センターの助成金を受けて、地域コミュニティ活動に必要な物品等の整備を行います。',
    });
  });
});

describe('revision sheets: indicator proposals (成果指標・現状の項目案)', () => {
  it('reads 6-1 市ホームページへのアクセス数 as an outcome and status indicator kept as is', () => {
    expect(policyItem('6-1').indicatorProposals[0]).toMatchObject({
      kinds: ['OUTCOME', 'CURRENT_STATE'],
      basis: '現行通り',
      currentName: '市ホームページへのアクセス数',
      verdict: 'NO_ISSUE',
      proposal: null,
    });
  });

  it('reads proposals for new indicators and changed names', () => {
    expect(policyItem('5-1').indicatorProposals[2]).toMatchObject({
      kinds: ['OUTCOME'],
      currentName: null,
      verdict: 'NEW_PROPOSAL',
      proposal: '市民提案事業数',
    });
    expect(policyItem('6-5').indicatorProposals[3]).toMatchObject({
      verdict: 'NEEDS_CHANGE',
      proposal: '20代・30代の転入超過人口',
    });
  });

  it('reads the indicator names of 5-5 with the doubled 事 fixed by seed/corrections.yaml', () => {
    expect(
      policyItem('5-5')
        .indicatorProposals.map((proposal) => proposal.currentName)
        .slice(0, 2),
    ).toEqual(['市内における交通人身事故発生件数', '上記のうち高齢者が関係した事故発生件数']);
  });
});
