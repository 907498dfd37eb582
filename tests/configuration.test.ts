/**
 * An operator who did not write the service configures it from the environment. Every wrong value is
 * refused at start, before anything is written, with one line per bad variable naming it and the form
 * it should have; the README's table is the schema's.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configurationTable } from '../src/platform/config.js';
import { cleanEnv, cli, runScript } from './support/processes.js';

const root = mkdtempSync(join(tmpdir(), 'eco-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const KEY = 'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc';

/** Each case: the variables set, and the one line the operator must see. */
const BAD: Array<[string, Record<string, string>, RegExp]> = [
  ['a misspelt environment', { NODE_ENV: 'prod' }, /^NODE_ENV: expected `development`, `test` or `production` \(got "prod"\)$/],
  ['a misspelt switch value', { ECO_DEV_ISSUER: 'of' }, /^ECO_DEV_ISSUER: expected `on` or `off`.*\(got "of"\)$/],
  ['a body limit that is not a number', { MAX_BODY_BYTES: 'lots' }, /^MAX_BODY_BYTES: expected an integer from 1024 to 1073741824 \(got "lots"\)$/],
  ['a body limit of nothing', { MAX_BODY_BYTES: '0' }, /^MAX_BODY_BYTES: expected an integer from 1024/],
  ['a port that is not a number', { PORT: 'http' }, /^PORT: expected an integer from 0 to 65535 \(got "http"\)$/],
  ['a port out of range', { PORT: '70000' }, /^PORT: expected an integer from 0 to 65535 \(got "70000"\)$/],
  [
    'identity providers that are not JSON',
    { ECO_SUBJECT_ISSUERS: 'https://idp.example' },
    /^ECO_SUBJECT_ISSUERS: expected a JSON array .*: not JSON$/,
  ],
  [
    'an identity provider without keys',
    { ECO_SUBJECT_ISSUERS: '[{"issuer":"https://idp.example"}]' },
    /^ECO_SUBJECT_ISSUERS: .*needs jwksUrl or jwks/,
  ],
  ['a short ID-number key, not echoed', { ECO_ID_HMAC_KEY: 'c2hvcnQ' }, /^ECO_ID_HMAC_KEY: expected base64url of at least 32 bytes \(got 5 bytes\)$/],
  [
    'a pepper that is not base64url',
    { ECO_API_KEY_PEPPER: 'not base64!' },
    /^ECO_API_KEY_PEPPER: expected base64url of at least 32 bytes \(got not base64url\)$/,
  ],
  ['a public URL that is not http', { PUBLIC_BASE_URL: 'ftp://credit.example' }, /^PUBLIC_BASE_URL: expected an http\(s\) URL/],
  ['a short metrics token', { METRICS_TOKEN: 'secret' }, /^METRICS_TOKEN: expected at least 32 printable characters, no spaces$/],
  ['metrics on the service port', { PORT: '3000', METRICS_PORT: '3000' }, /^METRICS_PORT: expected a port other than PORT \(got 3000\)$/],
  ['the development issuer on in production', { NODE_ENV: 'production', ECO_DEV_ISSUER: 'on' }, /^ECO_DEV_ISSUER: expected `off` in production/],
  ['demo data in production', { NODE_ENV: 'production', ECO_DEMO_DATA: 'on' }, /^ECO_DEMO_DATA: expected `off` in production/],
  ['a misspelt variable name', { ECO_DEV_ISSUR: 'off' }, /^ECO_DEV_ISSUR: not a variable this service reads \(did you mean ECO_DEV_ISSUER\?\)$/],
];

/** Runs child processes a few at a time: the machines have two cores. */
async function inBatches<T, R>(items: T[], size: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((x, j) => fn(x, i + j)))));
  return out;
}

describe('an operator starts the service with a wrong setting', () => {
  it('is refused with exit 78 and one line naming the variable and its expected form, before anything is written', async () => {
    const results = await inBatches(BAD, 4, async ([, vars], i) => {
      const dataDir = join(root, `bad-${i}`);
      const exit = await runScript('src/node.ts', [], cleanEnv({ DATA_DIR: dataDir, PORT: '0', ...vars }));
      return { exit, dataDirWritten: existsSync(dataDir) };
    });
    for (const [i, [story, , line]] of BAD.entries()) {
      const { exit, dataDirWritten } = results[i] as (typeof results)[number];
      const lines = exit.stderr.trim().split('\n');
      expect({ story, code: exit.code, lines: lines.length, written: dataDirWritten }).toEqual({ story, code: 78, lines: 1, written: false });
      expect(lines[0]?.replace(/^config error: /, ''), story).toMatch(line);
      expect(exit.stdout, story).toBe('');
    }
    // A secret's value is never echoed back.
    expect(results[8]?.exit.stderr).not.toContain('c2hvcnQ');
    expect(results[11]?.exit.stderr).not.toContain('secret');
  }, 120_000);

  it('sees every bad variable at once, one line each', async () => {
    const exit = await runScript(
      'src/node.ts',
      [],
      cleanEnv({ DATA_DIR: join(root, 'many'), NODE_ENV: 'prod', PORT: 'x', MAX_BODY_BYTES: 'lots', ECO_SUBJECT_ISSUERS: '{' }),
    );
    expect(exit.code).toBe(78);
    expect(
      exit.stderr
        .trim()
        .split('\n')
        .map((l) => l.split(':')[1]?.trim()),
    ).toEqual(['NODE_ENV', 'PORT', 'MAX_BODY_BYTES', 'ECO_SUBJECT_ISSUERS']);
    expect(existsSync(join(root, 'many'))).toBe(false);
  }, 30_000);

  it('is refused the same way by the CLI, which shares the schema', async () => {
    const exit = await cli(cleanEnv({ DATA_DIR: join(root, 'cli'), NODE_ENV: 'prod' }), 'district', 'list');
    expect(exit.code).toBe(78);
    expect(exit.stderr.trim()).toBe('config error: NODE_ENV: expected `development`, `test` or `production` (got "prod")');
  }, 30_000);
});

describe('an operator checks a configuration before deploying it', () => {
  it('sees the settings in force, and no secret', async () => {
    const env = cleanEnv({
      DATA_DIR: join(root, 'checked'),
      NODE_ENV: 'production',
      ECO_ID_HMAC_KEY: KEY,
      METRICS_TOKEN: 'm'.repeat(40),
      PUBLIC_BASE_URL: 'https://credit.example.gov.cn/',
      MAX_BODY_BYTES: '',
    });
    const exit = await cli(env, 'config', 'check', '--json');
    expect(exit.code).toBe(0);
    const shown = JSON.parse(exit.stdout);
    expect(shown).toMatchObject({
      environment: 'production',
      devIssuer: false,
      demoData: false,
      // An empty value is unset: the default applies.
      maxBodyBytes: 8388608,
      publicBaseUrl: 'https://credit.example.gov.cn',
      secretsFromEnvironment: ['ECO_ID_HMAC_KEY'],
      metrics: 'GET /metrics on PORT with METRICS_TOKEN',
    });
    expect(exit.stdout).not.toContain(KEY);
    expect(exit.stdout).not.toContain('m'.repeat(40));
    expect(existsSync(join(root, 'checked'))).toBe(false);
  }, 30_000);

  it("reads the README's configuration table, which is the schema's", () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(configurationTable());
  });
});
