/**
 * The operator's command line: `npm run cli -- --help`. Works on the database in DATA_DIR.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { JSONWebKeySet } from 'jose';
import { diffResults, LocalRuleError, simulateFile } from './compensation/local-files.js';
import { importEvents, parseCsvEvents, parseNdjson } from './credit/bulk-import.js';
import { createDistrict } from './districts/districts.service.js';
import { createClient, listClients, revokeClient } from './identity/clients.service.js';
import { mintDevToken } from './identity/dev-issuer.js';
import { subjectIdentifier } from './identity/identifier.js';
import { bootstrapDistrict } from './node/d1-bootstrap.js';
import { openNodeRuntime } from './node/runtime.js';
import { seedDemoData } from './node/seed-files.js';
import { RULES_DIR, readShippedRules } from './node/shipped-rules.js';
import { chinaDate } from './platform/clock.js';
import { DomainError } from './platform/errors.js';
import type { ClientRole } from './platform/http/principal.js';
import { silentLogger } from './platform/logger.js';
import { fromBase64Url } from './platform/util/encoding.js';
import { rotateKey } from './reports/signing-keys.service.js';
import { verifyReport } from './reports/verify.js';
import { allRuleKindSchemas } from './rules/json-schema.js';
import type { AllocationInput, AllocationResult } from './rules/kinds/allocation/allocate.js';
import { checkRuleSource } from './rules/rule-sets.service.js';

async function withRuntime<T>(fn: (rt: Awaited<ReturnType<typeof openNodeRuntime>>) => Promise<T>): Promise<T> {
  const rt = await openNodeRuntime(process.env, () => {});
  rt.deps.logger = silentLogger;
  try {
    return await fn(rt);
  } finally {
    rt.close();
  }
}

const program = new Command()
  .name('eco-credit')
  .description(
    'Operate the eco-credit service: districts, API clients, development tokens, rule files, demo data.\nActs on the database in $DATA_DIR (default ./data).',
  )
  .showHelpAfterError();

const district = program.command('district').description('Districts (tenants)');
district
  .command('create')
  .description('Create a district and publish the shipped default rule sets for it')
  .argument('<id>', 'district id, e.g. chongming')
  .requiredOption('--name <name>', 'display name, e.g. 上海市崇明区')
  .action(async (id: string, opts: { name: string }) =>
    withRuntime(async ({ deps }) => {
      const ctx = {
        deps,
        principal: { type: 'client' as const, clientId: 'cli', districtId: id, role: 'bureau' as const, agency: null, name: 'cli' },
        districtId: id,
        now: deps.clock.now(),
      };
      const row = await createDistrict(ctx, opts.name, deps.shippedRules);
      console.log(`created district ${row.id} (${row.name})`);
    }),
  );

const client = program.command('client').description('API clients and their keys');
client
  .command('create')
  .description('Create a client; its API key is printed once and never again')
  .requiredOption('--district <id>', 'the district it belongs to')
  .requiredOption('--name <name>', 'who it is, e.g. 上海农商银行崇明支行')
  .addOption(new Option('--role <role>', 'what it may do').choices(['bureau', 'recorder', 'bank', 'auditor']).makeOptionMandatory())
  .option('--agency <agency>', 'for recorders: the agency it records for, e.g. 生态环境局')
  .action(async (opts: { district: string; name: string; role: ClientRole; agency?: string }) =>
    withRuntime(async ({ deps }) => {
      const { client: row, apiKey } = await createClient(deps, { districtId: opts.district, name: opts.name, role: opts.role, agency: opts.agency });
      console.log(`client ${row.id} (${row.role}) in ${row.districtId}`);
      console.log(`API key (shown once): ${apiKey}`);
    }),
  );
client
  .command('revoke')
  .description('Revoke a client key at once')
  .argument('<clientId>')
  .action(async (clientId: string) =>
    withRuntime(async ({ deps }) => {
      const row = await revokeClient(deps, clientId);
      console.log(`revoked ${row.id} at ${row.revokedAt}`);
    }),
  );
client
  .command('list')
  .description('List the clients of a district')
  .requiredOption('--district <id>')
  .action(async (opts: { district: string }) =>
    withRuntime(async ({ deps }) => {
      for (const c of await listClients(deps, opts.district)) {
        console.log(`${c.id}  ${c.role.padEnd(8)} ${c.revokedAt ? 'revoked ' : 'active  '} ${c.name}${c.agency ? ` (${c.agency})` : ''}`);
      }
    }),
  );

const ttl = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 60 || n > 86_400) throw new InvalidArgumentError('between 60 and 86400 seconds');
  return n;
};
program
  .command('token')
  .description('Print a subject token from the development identity provider (refused when NODE_ENV=production)')
  .addOption(new Option('--kind <kind>', 'resident or firm').choices(['resident', 'firm']).makeOptionMandatory())
  .requiredOption('--id <identifier>', 'the resident ID number or the USCC')
  .option('--ttl <seconds>', 'lifetime', ttl, 3600)
  .action(async (opts: { kind: 'resident' | 'firm'; id: string; ttl: number }) =>
    withRuntime(async ({ deps, secrets }) => {
      const check = await subjectIdentifier(opts.kind, opts.id, chinaDate(new Date()), secrets.idNumberHmacKey);
      if (!check.ok) throw new Error(`not a valid ${opts.kind} identifier: ${check.reason}`);
      console.log(await mintDevToken(secrets.devIssuerKey, deps.config.environment, { kind: opts.kind, identifier: opts.id, ttlSeconds: opts.ttl }));
    }),
  );

const rules = program.command('rules').description('Rule files');
rules
  .command('check')
  .description('Validate rule files (default: every file in scoring-rules/) and print their hashes')
  .argument('[files...]')
  .option('--district <id>', 'check them as the API of this district would (default: the district each file names)')
  .action(async (files: string[], opts: { district?: string }) => {
    const sources = files.length ? files.map((path) => ({ path, text: readFileSync(path, 'utf8') })) : readShippedRules();
    let failed = 0;
    for (const s of sources) {
      try {
        const parsed = await checkRuleSource(s.text, s.path, opts.district);
        console.log(`ok    ${s.path}  ${parsed.document.kind} ${parsed.document.id} v${parsed.document.version}  ${parsed.hash}`);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        failed++;
        console.log(`error ${s.path}`);
        for (const e of error.fields) console.log(`      ${e.line ? `line ${e.line}: ` : ''}${e.pointer || '(document)'}: ${e.detail}`);
      }
    }
    if (failed) process.exitCode = 1;
  });
rules
  .command('bundle')
  .description('Write the shipped rule files into src/rules/shipped-rules.generated.ts, for the Worker bundle')
  .action(() => {
    const sources = readShippedRules();
    const text = `// Generated by \`npm run cli -- rules bundle\` from scoring-rules/: do not edit; a test keeps it in sync.\nimport type { RuleSource } from '../platform/deps.js';\n\nexport const shippedRules: RuleSource[] = ${JSON.stringify(sources, null, 2)};\n`;
    writeFileSync(join(RULES_DIR, '..', 'src', 'rules', 'shipped-rules.generated.ts'), text);
    console.log(`wrote src/rules/shipped-rules.generated.ts (${sources.length} files)`);
  });
rules
  .command('schemas')
  .description('Write the JSON Schema of each rule kind to scoring-rules/schemas/ for editors')
  .action(() => {
    for (const s of allRuleKindSchemas()) {
      writeFileSync(join(RULES_DIR, 'schemas', s.fileName), s.text);
      console.log(`wrote scoring-rules/schemas/${s.fileName}`);
    }
  });

const readInputs = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as AllocationInput;
const printable = (r: AllocationResult) =>
  r.recipients.map((x) => `  ${x.id.padEnd(24)} ${x.amount.padStart(18)}${x.constrained ? `  (${x.constrained})` : ''}`).join('\n');

rules
  .command('simulate')
  .description("Run an allocation rule file on inputs from a JSON file (the API's AllocationInput), without a server")
  .argument('<file>', 'the allocation rule file (YAML)')
  .requiredOption('--inputs <json>', 'period, fund, recipients with their values, agreement values, parameters')
  .option('--json', 'print the whole result as JSON')
  .action(async (file: string, opts: { inputs: string; json?: boolean }) => {
    try {
      const result = await simulateFile(readFileSync(file, 'utf8'), file, readInputs(opts.inputs));
      if (opts.json) console.log(JSON.stringify(result, null, 2));
      else
        console.log(
          `${result.ruleSet.id} v${result.ruleSet.version} ${result.ruleSet.hash}\n${printable(result)}\n  ${'total'.padEnd(24)} ${result.total.padStart(18)}`,
        );
    } catch (error) {
      if (!(error instanceof LocalRuleError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    }
  });
rules
  .command('diff')
  .description('Who gains and who loses how many yuan between two allocation rule files, on the same inputs')
  .argument('<base>', 'the rule file in force')
  .argument('<candidate>', 'the changed rule file')
  .requiredOption('--inputs <json>')
  .action(async (base: string, candidate: string, opts: { inputs: string }) => {
    try {
      const input = readInputs(opts.inputs);
      const before = await simulateFile(readFileSync(base, 'utf8'), base, input);
      const after = await simulateFile(readFileSync(candidate, 'utf8'), candidate, input);
      const d = diffResults(before, after);
      for (const c of d.changes)
        console.log(
          `  ${c.id.padEnd(24)} ${c.before.padStart(16)} → ${c.after.padStart(16)}  ${c.change.padStart(14)}  ${c.changePercent === null ? '' : `${c.changePercent}%`}`,
        );
      console.log(`  total change ${d.totalChange}`);
      console.log(
        `  mean ${d.summary.before.mean} → ${d.summary.after.mean}; median ${d.summary.before.median} → ${d.summary.after.median}; Gini ${d.summary.before.gini} → ${d.summary.after.gini}`,
      );
    } catch (error) {
      if (!(error instanceof LocalRuleError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    }
  });

const credit = program.command('credit').description('Credit files');
credit
  .command('import')
  .description('Record credit events from an NDJSON or CSV file, as a recording agency; bad lines are reported by number')
  .argument(
    '<file>',
    '.ndjson/.jsonl (one event per line, as in the API) or .csv (header: subject_id|uscc|id_number, code, occurred_on, ended_on, evidence, note, external_id, amount_name, amount_value, amount_unit)',
  )
  .requiredOption('--district <id>')
  .requiredOption('--agency <agency>', 'the agency recording, e.g. 生态环境局; it must be allowed to record each code')
  .addOption(new Option('--format <format>', 'default: from the file extension').choices(['ndjson', 'csv']))
  .option('--batch <n>', 'events per atomic batch', (v) => Number(v), 1000)
  .action(async (file: string, opts: { district: string; agency: string; format?: 'ndjson' | 'csv'; batch: number }) =>
    withRuntime(async ({ deps }) => {
      const text = readFileSync(file, 'utf8');
      const format = opts.format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson');
      const lines = format === 'csv' ? await parseCsvEvents(text) : await parseNdjson(text);
      const ctx = {
        deps,
        principal: {
          type: 'client' as const,
          clientId: `cli-import`,
          districtId: opts.district,
          role: 'recorder' as const,
          agency: opts.agency,
          name: 'cli import',
        },
        districtId: opts.district,
        now: deps.clock.now(),
      };
      const bar = new SingleBar({ format: 'importing [{bar}] {value}/{total} lines', stream: process.stderr }, Presets.shades_classic);
      bar.start(lines.length, 0);
      const report = await importEvents(ctx, lines, { batchSize: opts.batch, onProgress: (n) => bar.update(n) });
      bar.stop();
      console.log(`${report.lines} lines: ${report.recorded} recorded, ${report.duplicates} already recorded, ${report.bad.length} bad`);
      for (const b of report.bad) console.log(`  line ${b.line}: ${b.detail}`);
      if (report.bad.length > 0) process.exitCode = 1;
    }),
  );

const keys = program.command('keys').description('Report-signing keys');
keys
  .command('rotate')
  .description('Make a new signing key for a district; the old one stays in the JWKS until the last report it signed has expired')
  .requiredOption('--district <id>')
  .action(async (opts: { district: string }) =>
    withRuntime(async ({ deps }) => {
      const ctx = {
        deps,
        principal: { type: 'client' as const, clientId: 'cli', districtId: opts.district, role: 'bureau' as const, agency: null, name: 'cli' },
        districtId: opts.district,
        now: deps.clock.now(),
      };
      const { active, retired } = await rotateKey(ctx);
      console.log(`active key: ${active.kid}`);
      if (retired) console.log(`retired:    ${retired.kid} (published until ${retired.lastReportExpiresAt ?? 'now: it signed no report'})`);
    }),
  );

const report = program.command('report').description('Signed credit reports');
report
  .command('verify')
  .description('Verify a report offline against a saved JWKS; prints the payload, or the reason it fails and exits 1')
  .argument('<file>', 'the compact JWS, or - for standard input')
  .requiredOption('--jwks <file>', 'the JWKS saved from {issuer}/.well-known/jwks.json')
  .option('--audience <aud>', 'the bank it must have been issued to')
  .option('--at <iso>', 'check validity at this moment instead of now')
  .action(async (file: string, opts: { jwks: string; audience?: string; at?: string }) => {
    const jws = readFileSync(file === '-' ? 0 : file, 'utf8');
    const result = await verifyReport(jws, JSON.parse(readFileSync(opts.jwks, 'utf8')) as JSONWebKeySet, {
      audience: opts.audience,
      now: opts.at ? new Date(opts.at) : undefined,
    });
    if (result.valid) {
      console.log(JSON.stringify({ valid: true, header: result.header, payload: result.payload }, null, 2));
    } else {
      console.log(JSON.stringify({ valid: false, reason: result.reason, detail: result.detail }, null, 2));
      process.exitCode = 1;
    }
  });

const workers = program.command('workers').description('Cloudflare Workers deployments');
workers
  .command('bootstrap')
  .description(
    "Create a district for D1: writes SQL for `wrangler d1 execute --file`, prints its signing key for ECO_SIGNING_KEYS and its API keys once. Needs ECO_ID_HMAC_KEY and ECO_API_KEY_PEPPER, the Worker's secrets.",
  )
  .requiredOption('--district <id>')
  .requiredOption('--name <name>')
  .requiredOption('--out <file.sql>')
  .option(
    '--client <name:role[:agency]...>',
    'clients to create, e.g. 崇明区财政局:bureau',
    (v: string, all: string[]) => [...all, v],
    [] as string[],
  )
  .action(async (opts: { district: string; name: string; out: string; client: string[] }) => {
    const key = (name: string) => {
      const value = process.env[name];
      if (!value) throw new Error(`${name} must be set to the Worker's secret`);
      return fromBase64Url(value);
    };
    const clients = opts.client.map((c) => {
      const [name = '', role = '', agency] = c.split(':');
      if (!['bureau', 'recorder', 'bank', 'auditor'].includes(role))
        throw new Error(`client '${c}': the role must be bureau, recorder, bank or auditor`);
      return { name, role: role as ClientRole, agency };
    });
    const result = await bootstrapDistrict(
      opts.district,
      opts.name,
      { idNumberHmacKey: key('ECO_ID_HMAC_KEY'), apiKeyPepper: key('ECO_API_KEY_PEPPER') },
      clients,
    );
    writeFileSync(opts.out, result.sql);
    console.log(`wrote ${opts.out}: npx wrangler d1 execute <database> --remote --file ${opts.out}`);
    console.log(`signing key(s) to merge into the ECO_SIGNING_KEYS secret:\n${JSON.stringify(result.signingKeys)}`);
    for (const c of result.clients) console.log(`${c.role.padEnd(8)} ${c.name}: ${c.apiKey}`);
  });

program
  .command('seed')
  .description('Load the demo data in seeds/demo.yaml into an empty database')
  .option('--file <path>', 'another seed file')
  .action(async (opts: { file?: string }) =>
    withRuntime(async ({ deps, dataDir }) => {
      const result = await seedDemoData(deps, dataDir, opts.file);
      if (!result.loaded) {
        console.log('the database already holds data; nothing loaded');
        return;
      }
      for (const c of result.credentials) console.log(`${c.districtId.padEnd(10)} ${c.role.padEnd(8)} ${c.name}: ${c.apiKey}`);
      console.log(`keys also written to ${result.credentialsFile}`);
    }),
  );

program.parseAsync().catch((error: unknown) => {
  console.error(
    error instanceof DomainError ? `error: ${error.message} (${error.code})` : error instanceof Error ? `error: ${error.message}` : error,
  );
  process.exitCode = 1;
});
