/**
 * The operator's command line: `npm run cli -- --help`. Works on the database in DATA_DIR, configured by
 * the same environment as the service (checked first).
 *
 * For scripts: results go to stdout (as JSON with `--json` on every command that lists or reports),
 * errors to stderr, and the exit code is non-zero on any error: 1 for a refused operation, 78 for a bad
 * configuration. A missing district or client is an error, never an empty success, and a database
 * error is never shown raw.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Presets, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { eq } from 'drizzle-orm';
import { exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose';
import { diffResults, LocalRuleError, readLocalInputs, simulateFile } from './compensation/local-files.js';
import { importEvents, parseCsvEvents, parseNdjson, reasonsOf } from './credit/bulk-import.js';
import { runRescoreJob, startRescore } from './credit/rescore-jobs.service.js';
import { createDistrict } from './districts/districts.service.js';
import { createClient, listClients, revokeClient } from './identity/clients.service.js';
import { mintDevToken } from './identity/dev-issuer.js';
import { BackupError, backup, restore } from './node/backup.js';
import { ConfigError, EXIT_CONFIG, nodeConfig } from './node/config.js';
import { bootstrapDistrict } from './node/d1-bootstrap.js';
import { DataDirInUse } from './node/data-dir-lock.js';
import { SecretsMismatch } from './node/deployment-record.js';
import { DATABASE_FILE, type NodeRuntime, openNodeRuntime } from './node/runtime.js';
import { seedDemoData } from './node/seed-files.js';
import { RULES_DIR, readShippedRules } from './node/shipped-rules.js';
import { accessTableMarkdown } from './operations/access.js';
import { chinaDate } from './platform/clock.js';
import { configurationTable, type ServiceConfig } from './platform/config.js';
import { apiClients, districts } from './platform/db/schema.js';
import { DomainError } from './platform/errors.js';
import { subjectIdentifier } from './platform/identifiers/subject-identifier.js';
import { silentLogger } from './platform/logger.js';
import { SERVICE_VERSION } from './platform/version.js';
import { CLAIM_GROUPS, CLIENT_ROLES, type ClaimGroup, type ClientRole, HOLDER_KINDS, type SubjectKind } from './platform/vocabulary.js';
import { createPresentation, verifyPresentation } from './reports/presentation.js';
import { rotateKey } from './reports/signing-keys.service.js';
import { fetchStatus, readStatus, type StatusCheck, statusReferenceOf } from './reports/status-list.js';
import { verifyReport } from './reports/verify.js';
import { describeFailure } from './rules/examples.js';
import { allRuleKindSchemas } from './rules/json-schema.js';
import type { AllocationResult } from './rules/kinds/allocation/allocate.js';
import { checkRuleSource, ownExamples } from './rules/rule-sets.service.js';

/** An error the operator can act on: printed as is, to stderr, with exit 1. */
class CliError extends Error {}

function config(): ServiceConfig {
  return nodeConfig(process.env);
}

/**
 * Runs a command on the deployment's database. Only commands that make a deployment may create one;
 * the others refuse a DATA_DIR without a database rather than make an empty one (a mistyped DATA_DIR
 * would otherwise "work" on a new, empty service).
 */
async function withRuntime<T>(fn: (rt: NodeRuntime) => Promise<T>, options: { create?: boolean } = {}): Promise<T> {
  const cfg = config();
  if (!options.create && !existsSync(join(resolve(cfg.dataDir), DATABASE_FILE))) {
    throw new CliError(`no database in ${resolve(cfg.dataDir)}: set DATA_DIR to the service's data directory (or create a district first)`);
  }
  const rt = await openNodeRuntime(cfg, { log: () => {} });
  rt.deps.logger = silentLogger;
  try {
    return await fn(rt);
  } finally {
    rt.close();
  }
}

/** A district that must exist for the command to mean anything. */
async function requireDistrict(rt: NodeRuntime, id: string): Promise<void> {
  const [row] = await rt.deps.storage.db.select({ id: districts.id }).from(districts).where(eq(districts.id, id));
  if (!row) throw new CliError(`no district '${id}' in ${rt.dataDir}; create it with \`npm run cli -- district create ${id} --name <name>\``);
}

/** Prints a result: as JSON with --json, else as the lines a person reads. */
function print(json: boolean | undefined, value: unknown, lines: () => string[]): void {
  if (json) console.log(JSON.stringify(value, null, 2));
  else for (const line of lines()) console.log(line);
}

const bureauContext = (rt: NodeRuntime, districtId: string) => ({
  deps: rt.deps,
  principal: { type: 'client' as const, clientId: 'cli', districtId, role: 'bureau' as const, agency: null, name: 'cli' },
  districtId,
  now: rt.deps.clock.now(),
});

const program = new Command()
  .name('eco-credit')
  .description(
    'Operate the eco-credit service: districts, API clients, development tokens, rule files, demo data.\nActs on the database in $DATA_DIR (default ./data).',
  )
  .version(SERVICE_VERSION, '-V, --version', 'print the version and exit')
  .showHelpAfterError();

const district = program.command('district').description('Districts (tenants)');
district
  .command('create')
  .description('Create a district and publish the shipped default rule sets for it')
  .argument('<id>', 'district id, e.g. chongming')
  .requiredOption('--name <name>', 'display name, e.g. 上海市崇明区')
  .option('--json', 'print the district as JSON')
  .action(async (id: string, opts: { name: string; json?: boolean }) =>
    withRuntime(
      async (rt) => {
        const row = await createDistrict(bureauContext(rt, id), opts.name, rt.deps.shippedRules);
        print(opts.json, row, () => [
          `created district ${row.id} (${row.name})`,
          `next: npm run cli -- client create --district ${row.id} --role bureau --name <name>`,
        ]);
      },
      { create: true },
    ),
  );
district
  .command('list')
  .description('List the districts')
  .option('--json', 'print them as JSON')
  .action(async (opts: { json?: boolean }) =>
    withRuntime(async ({ deps }) => {
      const rows = await deps.storage.db.select().from(districts).orderBy(districts.id);
      print(opts.json, rows, () => (rows.length ? rows.map((d) => `${d.id.padEnd(12)} ${d.name}`) : ['no districts yet']));
    }),
  );

// Widening the tuple to string[] is what lets includes() take any string; it narrows nothing.
const isClientRole = (role: string): role is ClientRole => (CLIENT_ROLES as readonly string[]).includes(role);

const client = program.command('client').description('API clients and their keys');
client
  .command('create')
  .description('Create a client; its API key is printed once and never again')
  .requiredOption('--district <id>', 'the district it belongs to')
  .requiredOption('--name <name>', 'who it is, e.g. 上海农商银行崇明支行')
  .addOption(new Option('--role <role>', 'what it may do').choices(CLIENT_ROLES).makeOptionMandatory())
  .option('--agency <agency>', 'for recorders: the agency it records for, e.g. 生态环境局')
  .option('--json', 'print the client and its key as JSON')
  .action(async (opts: { district: string; name: string; role: ClientRole; agency?: string; json?: boolean }) =>
    withRuntime(async (rt) => {
      await requireDistrict(rt, opts.district);
      const { client: row, apiKey } = await createClient(rt.deps, {
        districtId: opts.district,
        name: opts.name,
        role: opts.role,
        agency: opts.agency,
      });
      const { secretHash: _hash, ...shown } = row;
      print(opts.json, { ...shown, apiKey }, () => [`client ${row.id} (${row.role}) in ${row.districtId}`, `API key (shown once): ${apiKey}`]);
    }),
  );
client
  .command('revoke')
  .description('Revoke a client key at once')
  .argument('<clientId>')
  .option('--json', 'print the revoked client as JSON')
  .action(async (clientId: string, opts: { json?: boolean }) =>
    withRuntime(async ({ deps }) => {
      const [known] = await deps.storage.db
        .select({ id: apiClients.id, revokedAt: apiClients.revokedAt })
        .from(apiClients)
        .where(eq(apiClients.id, clientId));
      if (!known) throw new CliError(`no client '${clientId}' (see \`client list --district <id>\`)`);
      if (known.revokedAt) throw new CliError(`client '${clientId}' was revoked already, at ${known.revokedAt}`);
      const { secretHash: _hash, ...row } = await revokeClient(deps, clientId);
      print(opts.json, row, () => [`revoked ${row.id} at ${row.revokedAt}`]);
    }),
  );
client
  .command('list')
  .description('List the clients of a district')
  .requiredOption('--district <id>')
  .option('--json', 'print them as JSON')
  .action(async (opts: { district: string; json?: boolean }) =>
    withRuntime(async (rt) => {
      await requireDistrict(rt, opts.district);
      const rows = (await listClients(rt.deps, opts.district)).map(({ secretHash: _hash, ...c }) => c);
      print(opts.json, rows, () =>
        rows.length
          ? rows.map((c) => `${c.id}  ${c.role.padEnd(8)} ${c.revokedAt ? 'revoked ' : 'active  '} ${c.name}${c.agency ? ` (${c.agency})` : ''}`)
          : [`no clients in ${opts.district} yet`],
      );
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
  .addOption(new Option('--kind <kind>', 'resident or firm').choices(HOLDER_KINDS).makeOptionMandatory())
  .requiredOption('--id <identifier>', 'the resident ID number or the USCC')
  .option('--ttl <seconds>', 'lifetime', ttl, 3600)
  .action(async (opts: { kind: SubjectKind; id: string; ttl: number }) =>
    withRuntime(
      async ({ deps, secrets, config: cfg }) => {
        if (!cfg.devIssuer)
          throw new CliError('the development identity provider is off (NODE_ENV=production or ECO_DEV_ISSUER=off): tokens come from the real one');
        const check = await subjectIdentifier(opts.kind, opts.id, chinaDate(new Date()), secrets.idNumberHmacKey);
        if (!check.ok) throw new CliError(`not a valid ${opts.kind} identifier: ${check.reason}`);
        console.log(
          await mintDevToken(secrets.devIssuerKey, deps.config.environment, { kind: opts.kind, identifier: opts.id, ttlSeconds: opts.ttl }),
        );
      },
      { create: true },
    ),
  );

const rules = program.command('rules').description('Rule files');
rules
  .command('check')
  .description('Validate rule files (default: every file in scoring-rules/) and print their hashes')
  .argument('[files...]')
  .option('--district <id>', 'check them as the API of this district would (default: the district each file names)')
  .option('--json', 'print each file with its hash or its errors as JSON')
  .action(async (files: string[], opts: { district?: string; json?: boolean }) => {
    const sources = files.length ? files.map((path) => ({ path, text: readFileSync(path, 'utf8') })) : readShippedRules();
    const results: Array<
      | { path: string; ok: true; kind: string; id: string; version: string | number; hash: string }
      | { path: string; ok: false; errors: Array<{ line?: number; pointer: string; detail: string }> }
    > = [];
    for (const s of sources) {
      try {
        const parsed = await checkRuleSource(s.text, s.path, opts.district);
        const failing = ownExamples(parsed).filter((e) => !e.passed);
        if (failing.length) {
          results.push({ path: s.path, ok: false, errors: failing.map((e) => ({ pointer: `/examples/${e.index}`, detail: describeFailure(e) })) });
          continue;
        }
        results.push({
          path: s.path,
          ok: true,
          kind: parsed.document.kind,
          id: parsed.document.id,
          version: parsed.document.version,
          hash: parsed.hash,
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({
          path: s.path,
          ok: false,
          errors: (error.fields.length ? error.fields : [{ pointer: '', detail: error.message }]).map((e) => ({
            ...(e.line ? { line: e.line } : {}),
            pointer: e.pointer,
            detail: e.detail,
          })),
        });
      }
    }
    if (opts.json) console.log(JSON.stringify(results, null, 2));
    else {
      for (const r of results) {
        if (r.ok) console.log(`ok    ${r.path}  ${r.kind} ${r.id} v${r.version}  ${r.hash}`);
        else {
          console.error(`error ${r.path}`);
          for (const e of r.errors) console.error(`      ${e.line ? `line ${e.line}: ` : ''}${e.pointer || '(document)'}: ${e.detail}`);
        }
      }
    }
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  });
rules
  .command('test')
  .description("Run rule files' worked examples (each file's `examples`) and print what each gave; exit 1 on any difference")
  .argument('<files...>')
  .option('--json', 'print every example with what it gave as JSON')
  .action(async (files: string[], opts: { json?: boolean }) => {
    const out: Array<{ path: string; examples: ReturnType<typeof ownExamples> } | { path: string; error: string }> = [];
    for (const path of files) {
      try {
        out.push({ path, examples: ownExamples(await checkRuleSource(readFileSync(path, 'utf8'), path)) });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        out.push({ path, error: error.message });
      }
    }
    if (opts.json) console.log(JSON.stringify(out, null, 2));
    else {
      for (const f of out) {
        if ('error' in f) {
          console.error(`error ${f.path}: ${f.error}`);
          continue;
        }
        if (f.examples.length === 0) console.log(`none  ${f.path}: no examples`);
        for (const e of f.examples) {
          if (e.passed) console.log(`pass  ${f.path}  ${e.name}`);
          else console.error(`FAIL  ${f.path}  ${describeFailure(e)}`);
        }
      }
    }
    if (out.some((f) => 'error' in f || f.examples.some((e) => !e.passed))) process.exitCode = 1;
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

const readInputs = (path: string) => readLocalInputs(readFileSync(path, 'utf8'), path);
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
  .option('--json', 'print the comparison as JSON')
  .action(async (base: string, candidate: string, opts: { inputs: string; json?: boolean }) => {
    try {
      const input = readInputs(opts.inputs);
      const before = await simulateFile(readFileSync(base, 'utf8'), base, input);
      const after = await simulateFile(readFileSync(candidate, 'utf8'), candidate, input);
      const d = diffResults(before, after);
      if (opts.json) {
        console.log(JSON.stringify(d, null, 2));
        return;
      }
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
  .option('--json', 'print the whole report as JSON: every bad line with every error, and the reasons with their counts')
  .option('--all-errors', 'list every bad line even when there are many (by default: each line when 20 or fewer, else the reasons)')
  .action(
    async (file: string, opts: { district: string; agency: string; format?: 'ndjson' | 'csv'; batch: number; json?: boolean; allErrors?: boolean }) =>
      withRuntime(async (rt) => {
        await requireDistrict(rt, opts.district);
        if (!existsSync(file)) throw new CliError(`no file ${file}`);
        const text = readFileSync(file, 'utf8');
        const format = opts.format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson');
        const lines = format === 'csv' ? await parseCsvEvents(text) : await parseNdjson(text);
        const ctx = {
          deps: rt.deps,
          principal: {
            type: 'client' as const,
            clientId: `cli-import`,
            districtId: opts.district,
            role: 'recorder' as const,
            agency: opts.agency,
            name: 'cli import',
          },
          districtId: opts.district,
          now: rt.deps.clock.now(),
        };
        const bar = opts.json
          ? undefined
          : new SingleBar({ format: 'importing [{bar}] {value}/{total} lines', stream: process.stderr }, Presets.shades_classic);
        bar?.start(lines.length, 0);
        const report = await importEvents(ctx, lines, { batchSize: opts.batch, onProgress: (n) => bar?.update(n) });
        bar?.stop();
        const reasons = reasonsOf(report.bad);
        if (opts.json) console.log(JSON.stringify({ ...report, reasons }, null, 2));
        else {
          console.log(`${report.lines} lines: ${report.recorded} recorded, ${report.duplicates} already recorded, ${report.bad.length} bad`);
          if (report.bad.length > 0 && (report.bad.length <= 20 || opts.allErrors)) {
            for (const b of report.bad) for (const e of b.errors) console.error(`  line ${b.line}: ${e}`);
          } else if (report.bad.length > 0) {
            console.error(`bad lines by reason (--all-errors lists each line, --json gives all):`);
            for (const r of reasons) {
              console.error(
                `  ${String(r.count).padStart(7)} × ${r.reason}  (line${r.count > 1 ? 's' : ''} ${r.lines.join(', ')}${r.count > r.lines.length ? ', …' : ''})`,
              );
            }
          }
        }
        if (report.bad.length > 0) process.exitCode = 1;
      }),
  );

credit
  .command('rescore')
  .description('Score every subject of a district as of an instant (the API job startRescore, run here with a progress bar)')
  .requiredOption('--district <id>')
  .option('--as-of <instant>', 'a date (the end of that day in China) or an ISO-8601 instant; default: now')
  .option('--scorecard <id>', "a scorecard in force; default: each kind's primary one")
  .option('--json', 'print the job as JSON')
  .action(async (opts: { district: string; asOf?: string; scorecard?: string; json?: boolean }) =>
    withRuntime(async (rt) => {
      await requireDistrict(rt, opts.district);
      let asOf: Date | undefined;
      if (opts.asOf !== undefined) {
        asOf = new Date(/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf) ? `${opts.asOf}T23:59:59.999+08:00` : opts.asOf);
        if (Number.isNaN(asOf.getTime())) throw new CliError(`--as-of ${opts.asOf} is neither a date (YYYY-MM-DD) nor an ISO-8601 instant`);
      }
      const ctx = bureauContext(rt, opts.district);
      const started = performance.now();
      const job = await startRescore(ctx, { asOf, scorecard: opts.scorecard });
      const bar = opts.json
        ? undefined
        : new SingleBar(
            // Also when stderr is a log rather than a terminal: a line every few seconds says how far a long rescore is.
            {
              format: 'rescoring [{bar}] {value}/{total} subjects, {events} events, {duration_formatted}',
              stream: process.stderr,
              noTTYOutput: true,
              notTTYSchedule: 5000,
            },
            Presets.shades_classic,
          );
      bar?.start(job.subjectsTotal, 0, { events: 0 });
      const done = await runRescoreJob(ctx, job.id, (j) => bar?.update(j.subjectsDone, { events: j.eventsDone }));
      bar?.stop();
      if (done.status !== 'done')
        throw new CliError(
          `the rescore ${done.id} ${done.status === 'failed' ? `failed: ${done.error?.detail}` : 'is being run by another process'}`,
        );
      const seconds = (performance.now() - started) / 1000;
      print(opts.json, done, () => [
        `${done.subjectsDone} subjects, ${done.eventsDone} events, scored as of ${done.asOf} in ${seconds.toFixed(1)} s (job ${done.id})`,
        ...done.results.flatMap((r) => [
          `  ${r.subjectKind}: ${r.ruleSets.scorecard.id} v${r.ruleSets.scorecard.version} on ${r.ruleSets.behaviourList.id} v${r.ruleSets.behaviourList.version}`,
          ...Object.entries(r.grades)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([g, n]) => `    ${g.padEnd(14)} ${String(n).padStart(8)}  ${((100 * n) / Math.max(1, r.subjects)).toFixed(1)}%`),
        ]),
      ]);
    }),
  );

const keys = program.command('keys').description('Report-signing keys');
keys
  .command('rotate')
  .description('Make a new signing key for a district; the old one stays in the JWKS until the last report it signed has expired')
  .requiredOption('--district <id>')
  .option('--json', 'print the keys as JSON')
  .action(async (opts: { district: string; json?: boolean }) =>
    withRuntime(async (rt) => {
      await requireDistrict(rt, opts.district);
      const { active, retired } = await rotateKey(bureauContext(rt, opts.district));
      print(opts.json, { active, retired }, () => [
        `active key: ${active.kid}`,
        ...(retired ? [`retired:    ${retired.kid} (published until ${retired.lastReportExpiresAt ?? 'now: it signed no report'})`] : []),
      ]);
    }),
  );

/**
 * The status of a token, as a verifier outside the service reads it: from a list kept on file, or
 * fetched from the URI the token names (unless offline). Never silent: a status not checked says why.
 */
async function statusFor(
  payload: Record<string, unknown>,
  jwks: JSONWebKeySet,
  now: Date,
  opts: { statusList?: string; offline?: boolean },
): Promise<StatusCheck> {
  const ref = statusReferenceOf(payload);
  if (!ref) return { checked: false, reason: 'no-status', detail: 'it carries no status entry' };
  if (opts.statusList) return readStatus(ref, readFileSync(opts.statusList, 'utf8'), jwks, now);
  if (opts.offline) return { checked: false, reason: 'unreachable', detail: `offline: ${ref.uri} was not fetched`, uri: ref.uri, idx: ref.idx };
  return fetchStatus(ref, jwks, now);
}

/** Prints the status verdict; a revoked or suspended token, or a list that cannot be trusted, is a refusal. */
function reportStatus(status: StatusCheck, what: string): boolean {
  if (status.checked && status.status === 'valid') return true;
  if (status.checked) {
    console.error(`error: the ${what} is ${status.status} in the district's status list`);
    return false;
  }
  if (status.reason === 'tampered' || status.reason === 'wrong-list') {
    console.error(`error: the status list cannot be trusted: ${status.detail}`);
    return false;
  }
  console.error(`warning: status not checked: ${status.detail}`);
  return true;
}

const statusOptions = (c: Command) =>
  c
    .option('--status-list <file>', 'a status list (statuslist+jwt) saved earlier, instead of fetching the one the token names')
    .option('--offline', 'do not fetch the status list; the verdict then says the status was not checked');

const report = program.command('report').description('Signed credit reports');
statusOptions(
  report
    .command('verify')
    .description(
      "Verify a report offline against a saved JWKS, then its status in the district's status list (fetched, or from --status-list); prints the verdict, exits 1 when it is not genuine, revoked or suspended",
    )
    .argument('<file>', 'the compact JWS, or - for standard input')
    .requiredOption('--jwks <file>', 'the JWKS saved from {issuer}/.well-known/jwks.json')
    .option('--audience <aud>', 'the bank it must have been issued to')
    .option('--at <iso>', 'check validity at this moment instead of now')
    .option('--json', 'the verdict is JSON already; accepted for symmetry with the other commands'),
).action(async (file: string, opts: { jwks: string; audience?: string; at?: string; statusList?: string; offline?: boolean }) => {
  if (opts.at && Number.isNaN(Date.parse(opts.at))) throw new CliError(`--at: expected an ISO date-time, got '${opts.at}'`);
  const jws = readFileSync(file === '-' ? 0 : file, 'utf8');
  const jwks = JSON.parse(readFileSync(opts.jwks, 'utf8')) as JSONWebKeySet;
  const now = opts.at ? new Date(opts.at) : new Date();
  const result = await verifyReport(jws, jwks, { audience: opts.audience, now });
  if (!result.valid) {
    console.log(JSON.stringify({ valid: false, reason: result.reason, detail: result.detail }, null, 2));
    console.error(`error: not genuine: ${result.reason} (${result.detail})`);
    process.exitCode = 1;
    return;
  }
  const status = await statusFor(result.payload as Record<string, unknown>, jwks, now, opts);
  const ok = reportStatus(status, 'report');
  console.log(JSON.stringify({ valid: ok, header: result.header, payload: result.payload, status }, null, 2));
  if (!ok) process.exitCode = 1;
});

const parseClaims = (v: string): ClaimGroup[] => {
  const groups = v
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  const unknown = groups.filter((g) => !(CLAIM_GROUPS as readonly string[]).includes(g));
  if (unknown.length) throw new InvalidArgumentError(`unknown claim group ${unknown.join(', ')}; one of ${CLAIM_GROUPS.join(', ')}`);
  return groups as ClaimGroup[];
};

const credential = program
  .command('credential')
  .description("A subject's own eco-credit credential (SD-JWT VC): holder key, presentation, offline check");
credential
  .command('keygen')
  .description('Make a holder key pair: the private JWK goes to --out (owner-only), the public JWK to stdout, for the credential download')
  .requiredOption('--out <file>', 'where to keep the private key')
  .action(async (opts: { out: string }) => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    writeFileSync(opts.out, `${JSON.stringify({ ...(await exportJWK(privateKey)), alg: 'EdDSA' })}\n`, { mode: 0o600 });
    console.log(JSON.stringify({ ...(await exportJWK(publicKey)), alg: 'EdDSA' }));
  });
credential
  .command('present')
  .description("Present some claim groups of a credential to a bank, with a key binding over the bank's nonce and audience; prints the presentation")
  .argument('<file>', 'the credential as downloaded (application/dc+sd-jwt), or - for standard input')
  .requiredOption('--key <file>', 'the holder private key (from credential keygen)')
  .requiredOption('--nonce <nonce>', 'the nonce the bank gave')
  .requiredOption('--audience <aud>', "the bank's client id")
  .requiredOption('--claims <groups>', `claim groups to disclose, comma-separated: ${CLAIM_GROUPS.join(', ')}`, parseClaims)
  .action(async (file: string, opts: { key: string; nonce: string; audience: string; claims: ClaimGroup[] }) => {
    const text = readFileSync(file === '-' ? 0 : file, 'utf8');
    const key = JSON.parse(readFileSync(opts.key, 'utf8')) as JWK;
    try {
      console.log(await createPresentation(text, key, { claims: opts.claims, nonce: opts.nonce, audience: opts.audience, now: new Date() }));
    } catch (error) {
      throw new CliError(`cannot present this credential: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
statusOptions(
  credential
    .command('verify')
    .description("As a bank, offline: check a presentation against a saved JWKS, the nonce you gave and your audience, then the credential's status")
    .argument('<file>', 'the presentation, or - for standard input')
    .requiredOption('--jwks <file>', "the district's JWKS")
    .requiredOption('--nonce <nonce>', 'the nonce you gave the holder')
    .requiredOption('--audience <aud>', 'your client id, as you gave it'),
).action(async (file: string, opts: { jwks: string; nonce: string; audience: string; statusList?: string; offline?: boolean }) => {
  const text = readFileSync(file === '-' ? 0 : file, 'utf8');
  const jwks = JSON.parse(readFileSync(opts.jwks, 'utf8')) as JSONWebKeySet;
  const now = new Date();
  const result = await verifyPresentation(text, jwks, { nonce: opts.nonce, audience: opts.audience, now });
  if (!result.valid) {
    console.log(JSON.stringify({ valid: false, reason: result.reason, detail: result.detail }, null, 2));
    console.error(`error: not accepted: ${result.reason} (${result.detail})`);
    process.exitCode = 1;
    return;
  }
  const status = await statusFor(result.claims, jwks, now, opts);
  const ok = reportStatus(status, 'credential');
  console.log(JSON.stringify({ valid: ok, disclosed: result.disclosed, claims: result.claims, keyBinding: result.keyBinding, status }, null, 2));
  if (!ok) process.exitCode = 1;
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
  .option('--json', "print the signing keys and the clients' keys as JSON")
  .action(async (opts: { district: string; name: string; out: string; client: string[]; json?: boolean }) => {
    const cfg = config();
    const secrets = { ECO_ID_HMAC_KEY: cfg.idNumberHmacKey, ECO_API_KEY_PEPPER: cfg.apiKeyPepper };
    const key = (name: keyof typeof secrets) => {
      const value = secrets[name];
      if (!value) throw new CliError(`${name} must be set to the Worker's secret`);
      return value;
    };
    const clients = opts.client.map((c) => {
      const [name = '', role = '', agency] = c.split(':');
      if (!isClientRole(role)) throw new CliError(`client '${c}': the role must be bureau, recorder, bank or auditor`);
      return { name, role, agency };
    });
    const result = await bootstrapDistrict(
      opts.district,
      opts.name,
      { idNumberHmacKey: key('ECO_ID_HMAC_KEY'), apiKeyPepper: key('ECO_API_KEY_PEPPER') },
      clients,
    );
    writeFileSync(opts.out, result.sql);
    print(opts.json, { sqlFile: opts.out, signingKeys: result.signingKeys, clients: result.clients }, () => [
      `wrote ${opts.out}: npx wrangler d1 execute <database> --remote --file ${opts.out}`,
      `signing key(s) to merge into the ECO_SIGNING_KEYS secret:\n${JSON.stringify(result.signingKeys)}`,
      ...result.clients.map((c) => `${c.role.padEnd(8)} ${c.name}: ${c.apiKey}`),
    ]);
  });

program
  .command('seed')
  .description('Load the demo data in seeds/demo.yaml into an empty database (refused in production)')
  .option('--file <path>', 'another seed file')
  .option('--json', 'print the demo credentials as JSON')
  .action(async (opts: { file?: string; json?: boolean }) =>
    withRuntime(
      async ({ deps, dataDir, config: cfg }) => {
        if (cfg.environment === 'production') throw new CliError('demo data is not loaded in production (NODE_ENV=production)');
        const result = await seedDemoData(deps, dataDir, opts.file);
        if (!result.loaded) {
          // Not an error: seeding is meant to be run again safely.
          print(opts.json, { loaded: false, credentials: [] }, () => ['the database already holds data; nothing loaded']);
          return;
        }
        print(opts.json, { loaded: true, credentials: result.credentials }, () => [
          ...result.credentials.map((c) => `${c.districtId.padEnd(10)} ${c.role.padEnd(8)} ${c.name}: ${c.apiKey}`),
          `keys also written to ${result.credentialsFile}`,
        ]);
      },
      { create: true },
    ),
  );

program
  .command('backup')
  .description(
    'Write a consistent snapshot of the database, with the secrets and signing keys, into one owner-only archive; safe while the service serves and writes',
  )
  .requiredOption('--out <file>', 'the archive to write, e.g. /backups/eco-credit-$(date +%F).backup')
  .option('--force', 'replace the file if it exists')
  .option('--json', 'print what was written as JSON')
  .action(async (opts: { out: string; force?: boolean; json?: boolean }) => {
    const summary = await backup(config(), opts.out, { force: opts.force });
    print(opts.json, summary, () => [
      `wrote ${summary.file} (${summary.bytes} bytes, owner-only): the database as of ${summary.createdAt}, ${summary.districts} district(s), ${summary.files.join(', ')}`,
    ]);
    if (summary.secretsFromEnvironment.length > 0) {
      console.error(`note: ${summary.secretsFromEnvironment.join(' and ')} come from the environment and are not in the archive: keep them with it`);
    }
  });

program
  .command('restore')
  .description(
    'Restore an archive made by `backup` into a data directory that no service is using; checks its integrity and that its secrets belong to it',
  )
  .argument('<file>', 'the archive')
  .requiredOption('--data-dir <dir>', 'where to restore (empty, or --force to replace what is there)')
  .option('--force', 'replace a data directory that holds data (its files are kept aside in a .replaced-… folder)')
  .option('--json', 'print what was restored as JSON')
  .action(async (file: string, opts: { dataDir: string; force?: boolean; json?: boolean }) => {
    const summary = await restore(file, config(), opts.dataDir, { force: opts.force });
    print(opts.json, summary, () => [
      `restored ${summary.dataDir} as of ${summary.createdAt}: ${summary.districts} district(s), ${summary.signingKeys} signing key(s), ${summary.files.length} file(s)`,
      ...(summary.replacedInto ? [`the files that were there are in ${summary.replacedInto}`] : []),
      `start the service with DATA_DIR=${summary.dataDir}`,
    ]);
  });

const configuration = program.command('config').description('The environment variables the service reads');
configuration
  .command('check')
  .description('Check the environment as `npm start` would: one line per bad variable, exit 78; else the settings in force (no secret shown)')
  .option('--json', 'print the settings as JSON')
  .action((opts: { json?: boolean }) => {
    const c = config();
    const shown = {
      environment: c.environment,
      port: c.port,
      host: c.host ?? null,
      dataDir: resolve(c.dataDir),
      maxBodyBytes: c.maxBodyBytes,
      secretsFromEnvironment: [...(c.idNumberHmacKey ? ['ECO_ID_HMAC_KEY'] : []), ...(c.apiKeyPepper ? ['ECO_API_KEY_PEPPER'] : [])],
      subjectIssuers: c.subjectIssuers.map((i) => i.issuer),
      devIssuer: c.devIssuer,
      demoData: c.demoData,
      publicBaseUrl: c.publicBaseUrl ?? null,
      metrics:
        c.metrics.port !== undefined
          ? `port ${c.metrics.port} on ${c.metrics.host}`
          : c.metrics.token
            ? 'GET /metrics on PORT with METRICS_TOKEN'
            : 'off',
    };
    print(opts.json, shown, () => Object.entries(shown).map(([k, v]) => `${k.padEnd(24)} ${Array.isArray(v) ? v.join(', ') || '-' : String(v)}`));
  });
configuration
  .command('table')
  .description("Print the README's configuration table, rendered from the schema")
  .action(() => console.log(configurationTable()));

program
  .command('access')
  .description('Who may call what')
  .command('table')
  .description("Print the README's table of who may call each operation, rendered from src/operations/access.ts")
  .action(() => console.log(accessTableMarkdown()));

/** What the operator sees of an error: one or more lines, and the exit code. */
function explain(error: unknown): { lines: string[]; code: number } {
  if (error instanceof ConfigError) return { lines: error.lines.map((l) => `config error: ${l}`), code: EXIT_CONFIG };
  if (error instanceof CliError || error instanceof BackupError || error instanceof SecretsMismatch || error instanceof DataDirInUse) {
    return { lines: [`error: ${error.message}`], code: 1 };
  }
  if (error instanceof DomainError) {
    return { lines: [`error: ${error.message} (${error.code})`, ...error.fields.map((e) => `  ${e.pointer || '(input)'}: ${e.detail}`)], code: 1 };
  }
  if (error instanceof Database.SqliteError) {
    // The raw message names tables and constraints; the operator needs to know what to do.
    const busy = error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_LOCKED');
    return { lines: [`error: the database ${busy ? 'is busy; retry in a moment' : 'could not complete the operation'} (${error.code})`], code: 1 };
  }
  if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
    return { lines: [`error: no such file: ${(error as NodeJS.ErrnoException).path ?? error.message}`], code: 1 };
  }
  return { lines: [`error: ${error instanceof Error ? error.message : String(error)}`], code: 1 };
}

program.parseAsync().catch((error: unknown) => {
  const { lines, code } = explain(error);
  for (const line of lines) console.error(line);
  process.exitCode = code;
});
