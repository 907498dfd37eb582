import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES_DIR, readShippedRules } from '../src/node/shipped-rules.js';
import { allRuleKindSchemas } from '../src/rules/json-schema.js';
import { createWorld, expectProblem } from './support/world.js';

const validate = '/v1/districts/chongming/rule-sets/validate';
const upload = '/v1/districts/chongming/rule-sets';

const scorecard = `# a bureau's draft
id: test-card
kind: scorecard
version: 1
district: chongming
effectiveFrom: 2026-01-01
title: 测试评分卡
body:
  subjectKind: firm
  facts:
    penalties: { type: number }
    certified: { type: boolean }
  baseScore: 100
  maxScore: 100
  items:
    - { id: penalty, reason: 行政处罚, fact: penalties, perUnit: -10, cap: { min: -40 } }
    - { id: certified, reason: 绿色认证, fact: certified, points: 5 }
  bands:
    - { grade: green, label: 诚信, min: 95 }
    - { grade: blue, label: 良好, min: 80 }
    - { grade: red, label: 不良 }
`;

/** The same document: keys reordered, flow style turned into block style, other comments and spacing. */
const reordered = `title: 测试评分卡
effectiveFrom: 2026-01-01
district: chongming
version: 1
kind: scorecard
id: test-card
body:
  bands:
    - grade: green
      min: 95
      label: 诚信
    - { min: 80, label: 良好, grade: blue }
    - { label: 不良, grade: red }
  items:
    - reason: 行政处罚
      id: penalty
      cap:
        min: -40
      perUnit: -10
      fact: penalties
    - { points: 5, fact: certified, reason: 绿色认证, id: certified }   # trailing comment
  maxScore: 100
  baseScore: 100.0
  facts:
    certified: { type: boolean }
    penalties: { type: number }
  subjectKind: firm
`;

describe('a bureau checks a rule file before uploading it', () => {
  it('is told the file is valid, with its content hash', async () => {
    const w = await createWorld();
    const res = await w.call('POST', validate, { as: w.keys.chongming.bureau, body: { source: scorecard } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ valid: true, ruleSetId: 'test-card', kind: 'scorecard', version: 1 });
    expect(res.json.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('gets the same hash for the same rules whatever the key order, layout and comments', async () => {
    const w = await createWorld();
    const a = await w.call('POST', validate, { as: w.keys.chongming.bureau, body: { source: scorecard } });
    const b = await w.call('POST', validate, { as: w.keys.chongming.bureau, body: { source: reordered } });
    expect(b.status).toBe(200);
    expect(b.json.hash).toBe(a.json.hash);
    const changed = await w.call('POST', validate, {
      as: w.keys.chongming.bureau,
      body: { source: scorecard.replace('perUnit: -10', 'perUnit: -11') },
    });
    expect(changed.json.hash).not.toBe(a.json.hash);
  });

  it('learns the line and field of each mistake', async () => {
    const w = await createWorld();
    const broken = scorecard
      .replace('perUnit: -10', 'perUnit: "-10"') // wrong type, line 17 once the key below is added
      .replace('  maxScore: 100\n', '  maxScore: 100\n  colour: green\n'); // unknown key, line 15
    const res = await w.call('POST', validate, { as: w.keys.chongming.bureau, body: { source: broken, fileName: 'draft.yaml' } });
    const problem = expectProblem(res, 422);
    expect(problem.detail).toMatch(/^draft\.yaml/);
    const byPointer = Object.fromEntries((problem.errors ?? []).map((e) => [e.pointer, e]));
    expect(byPointer['/body/colour']).toMatchObject({ line: 15, in: 'file', detail: 'unknown field' });
    expect(byPointer['/body/items/0/perUnit']).toMatchObject({ line: 17 });
  });

  it('learns of a fact used but never declared, once the structure is right', async () => {
    const w = await createWorld();
    const source = scorecard.replace('fact: certified, points: 5', 'fact: certifed, points: 5');
    const res = await w.call('POST', validate, { as: w.keys.chongming.bureau, body: { source } });
    const error = expectProblem(res, 422).errors?.[0];
    expect(error).toMatchObject({ pointer: '/body/items/1/fact', line: 17 });
    expect(error?.detail).toMatch(/certifed.*not declared/);
  });

  it('learns the line of a YAML syntax error', async () => {
    const w = await createWorld();
    const res = await w.call('POST', validate, {
      as: w.keys.chongming.bureau,
      body: { source: scorecard.replace('  baseScore: 100', '  baseScore: [100') },
    });
    const problem = expectProblem(res, 422);
    expect(problem.errors?.[0]?.detail).toMatch(/^YAML/);
    expect(problem.errors?.[0]?.line).toBeGreaterThanOrEqual(13);
  });

  it('learns of a duplicate key and of a missing field', async () => {
    const w = await createWorld();
    const dup = await w.call('POST', validate, {
      as: w.keys.chongming.bureau,
      body: { source: scorecard.replace('version: 1\n', 'version: 1\nversion: 2\n') },
    });
    expect(expectProblem(dup, 422).errors?.[0]).toMatchObject({ line: 5 });
    const missing = await w.call('POST', validate, { as: w.keys.chongming.bureau, body: { source: scorecard.replace('title: 测试评分卡\n', '') } });
    expect(expectProblem(missing, 422).errors?.[0]).toMatchObject({ pointer: '/title', line: 2 });
  });

  it('learns that a formula does not type-check, at upload, not at scoring time, with the sub-expression named', async () => {
    const w = await createWorld();
    const source = scorecard.replace('fact: certified, points: 5 }', "formula: 'certified + 1.0' }");
    const res = await w.call('POST', upload, { as: w.keys.chongming.bureau, body: { source } });
    const problem = expectProblem(res, 422);
    expect(problem.errors?.[0]).toMatchObject({ pointer: '/body/items/1/formula' });
    expect(problem.errors?.[0]?.detail).toMatch(/in 'certified' \(of 'certified \+ 1\.0'\): '\+' needs numbers, not true\/false/);
  });

  it('cannot upload a file meant for another district', async () => {
    const w = await createWorld();
    const res = await w.call('POST', upload, {
      as: w.keys.chongming.bureau,
      body: { source: scorecard.replace('district: chongming', 'district: lishui') },
    });
    expect(expectProblem(res, 422).errors?.[0]?.pointer).toBe('/district');
  });
});

describe('rule sets are kept as immutable versions', () => {
  it('a draft is stored once per content; the history lists it beside the shipped version', async () => {
    const w = await createWorld();
    const first = await w.call('POST', upload, { as: w.keys.chongming.bureau, body: { source: scorecard } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ ruleSetId: 'test-card', status: 'draft', version: 1 });
    const same = await w.call('POST', upload, { as: w.keys.chongming.bureau, body: { source: reordered } });
    expect(same.status).toBe(200);
    expect(same.json.versionId).toBe(first.json.versionId);

    const history = await w.call('GET', '/v1/districts/chongming/rule-sets/test-card/versions', { as: w.keys.chongming.auditor });
    expect(history.json.items).toHaveLength(1);
    const one = await w.call('GET', `/v1/districts/chongming/rule-set-versions/${first.json.versionId}`, { as: w.keys.chongming.bureau });
    expect(one.json.source).toBe(scorecard);

    const shipped = await w.call('GET', '/v1/districts/chongming/rule-sets/firm-env-credit/versions', { as: w.keys.chongming.bureau });
    expect(shipped.json.items[0]).toMatchObject({ status: 'published', version: 1, effectiveFrom: '2026-01-01' });
    expectProblem(await w.call('GET', `/v1/districts/lishui/rule-set-versions/${first.json.versionId}`, { as: w.keys.lishui.bureau }), 404);
  });
});

describe('a bureau tries the shipped firm scorecard on facts', () => {
  const clean = { negative_points_12m: 0, fines_yuan_12m: 0, positive_points_3y: 0, major_incidents_3y: 0, general_incidents_3y: 0 };
  const evaluate = (w: Awaited<ReturnType<typeof createWorld>>, facts: Record<string, unknown>) =>
    w.call('POST', '/v1/districts/chongming/rule-sets/firm-env-credit/evaluate', { as: w.keys.chongming.bureau, body: { facts } });

  it('a clean firm is green with the rule set id and hash', async () => {
    const w = await createWorld();
    const res = await evaluate(w, clean);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ score: 100, grade: 'green', gradeLabel: '诚信', trace: [] });
    expect(res.json.ruleSet).toMatchObject({ id: 'firm-env-credit', version: 1 });
    expect(res.json.ruleSet.hash).toMatch(/^sha256:/);
  });

  it('negative behaviour and a large fine drop the firm a grade, with a reason for every point', async () => {
    const w = await createWorld();
    // 100 - 13 (negative points) - 5 (fine >= 100 000 yuan, a formula) = 82: blue.
    const res = await evaluate(w, { ...clean, negative_points_12m: -13, fines_yuan_12m: 250_000 });
    expect(res.json).toMatchObject({ score: 82, grade: 'blue', gradeLabel: '良好' });
    expect(res.json.trace.map((t: { id: string; points: number }) => [t.id, t.points])).toEqual([
      ['negative-behaviour', -13],
      ['heavy-fine', -5],
    ]);
  });

  it('caps hold: 55 negative points deduct 40, and the trace shows both', async () => {
    const w = await createWorld();
    const res = await evaluate(w, { ...clean, negative_points_12m: -55 });
    expect(res.json).toMatchObject({ score: 60, grade: 'yellow' });
    expect(res.json.trace[0]).toMatchObject({ id: 'negative-behaviour', points: -40, uncapped: -55 });
  });

  it('a major incident forces red whatever the score; a general one lowers a grade', async () => {
    const w = await createWorld();
    const major = await evaluate(w, { ...clean, major_incidents_3y: 1, positive_points_3y: 4 });
    expect(major.json).toMatchObject({ score: 100, scoreGrade: 'green', grade: 'red' });
    expect(major.json.trace.at(-1)).toMatchObject({ kind: 'override', id: 'major-incident-veto', grade: 'red' });
    const general = await evaluate(w, { ...clean, general_incidents_3y: 1 });
    expect(general.json).toMatchObject({ scoreGrade: 'green', grade: 'blue' });
  });

  it('a missing or mistyped fact is a 422 naming it, never a silent zero', async () => {
    const w = await createWorld();
    const { fines_yuan_12m: _omitted, ...partial } = clean;
    const res = await evaluate(w, partial);
    expect(expectProblem(res, 422).errors?.[0]?.pointer).toBe('/facts/fines_yuan_12m');
    const typed = await evaluate(w, { ...clean, major_incidents_3y: true });
    expect(expectProblem(typed, 422).errors?.[0]?.pointer).toBe('/facts/major_incidents_3y');
  });

  it('a rule set that is not yet in force is not used', async () => {
    const w = await createWorld({ now: '2025-06-01T00:00:00Z' });
    expectProblem(await evaluate(w, clean), 404);
  });
});

describe('the shipped rule files', () => {
  it('are all valid and published in every new district', async () => {
    const w = await createWorld();
    const shipped = readShippedRules();
    expect(shipped.length).toBeGreaterThanOrEqual(3);
    for (const file of shipped) {
      const res = await w.call('POST', validate, { as: w.keys.chongming.bureau, body: { source: file.text, fileName: file.path } });
      expect(res.status, `${file.path}: ${res.text}`).toBe(200);
      const versions = await w.call('GET', `/v1/districts/lishui/rule-sets/${res.json.ruleSetId}/versions`, { as: w.keys.lishui.bureau });
      expect(versions.json.items[0]).toMatchObject({ status: 'published', hash: res.json.hash });
    }
  });

  it('are bundled for the Worker exactly as on disk (run `npm run cli -- rules bundle` after editing one)', async () => {
    const { shippedRules } = await import('../src/rules/shipped-rules.generated.js');
    expect(shippedRules).toEqual(readShippedRules());
  });

  it('have JSON Schemas on disk that match the validators (run `npm run rules:schemas` after changing a kind)', () => {
    for (const schema of allRuleKindSchemas()) {
      expect(readFileSync(`${RULES_DIR}/schemas/${schema.fileName}`, 'utf8')).toBe(schema.text);
    }
  });
});

describe('a bureau writes a long decimal without quotes', () => {
  const method = (value: string) => `id: reciprocal-density
kind: gep-method
version: 1
district: chongming
effectiveFrom: 2026-01-01
title: 测试
body:
  standard: test
  indicators:
    - code: dredging
      title: 减少泥沙淤积
      category: regulating
      subtotal: 土壤保持
      quantity: { unit: t }
      factors: [{ name: per-density, value: ${value}, unit: m3/t }]
      price: { value: '12.6', unit: yuan/m3, year: 2023, source: x }
`;

  it('reads it exactly: the hash is that of the quoted decimal, not of the double it would round to', async () => {
    const w = await createWorld();
    const hashOf = async (value: string) => {
      const res = await w.call('POST', validate, { as: w.keys.chongming.bureau, body: { source: method(value) } });
      expect(res.status).toBe(200);
      return res.json.hash as string;
    };
    const bare = await hashOf('1.0752688172043010753');
    expect(bare).toBe(await hashOf("'1.0752688172043010753'"));
    expect(bare).not.toBe(await hashOf("'1.075268817204301'"));
  });

  it('refuses it, naming the file, line and digits, in a field that only takes a number', async () => {
    const w = await createWorld();
    const source = scorecard.replace('baseScore: 100', 'baseScore: 80.000000000000000001');
    const res = await w.call('POST', validate, { as: w.keys.chongming.bureau, body: { source, fileName: 'card.yaml' } });
    const problem = expectProblem(res, 422);
    expect(problem.detail).toMatch(/^card\.yaml/);
    expect(problem.errors?.[0]).toMatchObject({ pointer: '/body/baseScore', line: 13 });
    expect(problem.errors?.[0]?.detail).toMatch(/80\.000000000000000001 cannot be held exactly/);
  });
});
