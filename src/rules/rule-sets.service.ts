/**
 * Rule sets as immutable versions in the database: drafts uploaded by a bureau, published versions with
 * their effective date. A version is named by its content hash; the same content is stored once.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { preparedQuery } from '../platform/db/prepared.js';
import { ruleSetVersions } from '../platform/db/schema.js';
import type { RuleSource } from '../platform/deps.js';
import { DomainError, type FieldIssue, fail } from '../platform/errors.js';
import { LruCache } from '../platform/lru.js';
import { newId } from '../platform/util/ids.js';
import type { RuleSetStatus } from '../platform/vocabulary.js';
import { compiledOf, compileRuleSet } from './compiled-cache.js';
import { RuleCompileError, RuleCompileErrors } from './engine/errors.js';
import { type DocumentOf, type RuleExample, RuleSetDocument } from './envelope.js';
import { describeFailure, type ExampleResult, runExamples } from './examples.js';
import { type CompiledOf, type KindName, kindOf } from './kinds/index.js';
import type { RuleKind, RuleReference } from './kinds/kind.js';
import { lineForPointer, type ParsedRuleSet, parseRuleFile } from './rule-file.js';
import { bumpRulesGeneration, type RuleSetVersionHead, versionInForce, versionsInForceOfKind } from './versions-in-force.js';

export type RuleSetVersionRow = typeof ruleSetVersions.$inferSelect;

/**
 * Parses, validates and compiles; on failure a rule-file error whose fields carry file lines.
 * `districtId` is the district the file is checked for; without one (the CLI on a bare file), the
 * district the file names itself.
 */
export async function checkRuleSource(source: string, file: string, districtId?: string): Promise<ParsedRuleSet> {
  const result = await parseRuleFile(source, file);
  if (!result.ok)
    throw new DomainError('rule-file-invalid', `${file} is not a valid rule file: ${describe(result.errors[0])}`, {
      fields: result.errors,
    });
  const { document, hash } = result.ruleSet;
  if (districtId !== undefined && document.district !== 'default' && document.district !== districtId) {
    throw new DomainError('rule-file-invalid', `${file} is for district '${document.district}', not '${districtId}'`, {
      fields: [{ pointer: '/district', in: 'file', detail: `must be 'default' or '${districtId}'` }],
    });
  }
  try {
    compileRuleSet(document, hash);
  } catch (error) {
    const all = error instanceof RuleCompileErrors ? error.errors : error instanceof RuleCompileError ? [error] : undefined;
    if (!all) throw error;
    const errors: FieldIssue[] = all.map((e) => {
      const line = lineForPointer(source, e.pointer);
      return { pointer: e.pointer, in: 'file', detail: e.message, ...(line ? { line } : {}) };
    });
    throw new DomainError('rule-file-invalid', `${file}: ${describe(errors[0])}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, {
      fields: errors,
    });
  }
  return result.ruleSet;
}

function describe(e: FieldIssue | undefined): string {
  if (!e) return 'unknown error';
  return `${e.line ? `line ${e.line}, ` : ''}${e.pointer || '(document)'}: ${e.detail}`;
}

export interface StoredVersion {
  row: RuleSetVersionRow;
  created: boolean;
}

/** Stores a version unless the same content is already there; returns the stored row either way. */
export async function storeRuleSetVersion(ctx: ServiceContext, parsed: ParsedRuleSet, status: RuleSetStatus): Promise<StoredVersion> {
  const { db } = ctx.deps.storage;
  const { document } = parsed;
  const by = ctx.principal.type === 'client' ? ctx.principal.clientId : 'system';
  const at = ctx.now.toISOString();
  const insert = db
    .insert(ruleSetVersions)
    .values({
      id: newId('rsv', ctx.now),
      districtId: ctx.districtId,
      ruleSetId: document.id,
      kind: document.kind,
      version: document.version,
      hash: parsed.hash,
      source: parsed.source,
      document: JSON.stringify(parsed.content),
      status,
      effectiveFrom: document.effectiveFrom,
      createdAt: at,
      createdBy: by,
      ...(status === 'published' ? { publishedAt: at, publishedBy: by } : {}),
    })
    .onConflictDoNothing()
    .returning();
  // A version stored as published can change what is in force: the generation moves with it.
  const [inserted] = (status === 'published' ? await ctx.deps.storage.atomic([insert, bumpRulesGeneration(ctx)]) : [await insert]) as [
    RuleSetVersionRow[],
  ];
  if (inserted[0]) return { row: inserted[0], created: true };
  const [existing] = await db
    .select()
    .from(ruleSetVersions)
    .where(and(eq(ruleSetVersions.districtId, ctx.districtId), eq(ruleSetVersions.ruleSetId, document.id), eq(ruleSetVersions.hash, parsed.hash)));
  if (!existing) throw new Error('rule set version vanished between insert and read');
  return { row: existing, created: false };
}

/** Publishes the shipped default rule files for a district (used when a district is created). */
export async function installShippedRules(ctx: ServiceContext, sources: readonly RuleSource[]): Promise<number> {
  let count = 0;
  for (const source of sources) {
    const parsed = await checkRuleSource(source.text, source.path, ctx.districtId);
    if (parsed.document.district !== 'default' && parsed.document.district !== ctx.districtId) continue;
    const stored = await storeRuleSetVersion(ctx, parsed, 'published');
    if (stored.created) count++;
  }
  return count;
}

export async function listVersions(ctx: ServiceContext, ruleSetId: string): Promise<RuleSetVersionRow[]> {
  return (
    ctx.deps.storage.db
      .select()
      .from(ruleSetVersions)
      .where(and(eq(ruleSetVersions.districtId, ctx.districtId), eq(ruleSetVersions.ruleSetId, ruleSetId)))
      // rowid breaks ties between versions stored in the same millisecond: newest first.
      .orderBy(desc(ruleSetVersions.createdAt), desc(sql`rowid`))
  );
}

export async function getVersion(ctx: ServiceContext, versionId: string): Promise<RuleSetVersionRow> {
  const [row] = await ctx.deps.storage.db
    .select()
    .from(ruleSetVersions)
    .where(and(eq(ruleSetVersions.districtId, ctx.districtId), eq(ruleSetVersions.id, versionId)));
  if (!row) throw fail.notFound(`no rule set version '${versionId}' in district '${ctx.districtId}'`);
  return row;
}

export type { RuleSetVersionHead } from './versions-in-force.js';

/**
 * The published version in force at an instant: effective on its China date and already published then,
 * so that a score as of a past moment uses exactly the rules it used at that moment.
 */
export async function activeVersion(ctx: ServiceContext, ruleSetId: string, asOf: Date): Promise<RuleSetVersionHead> {
  const head = await versionInForce(ctx, ruleSetId, asOf);
  if (!head) throw new DomainError('rule-not-in-force', `no published version of rule set '${ruleSetId}' is in force on ${chinaDate(asOf)}`);
  return head;
}

/** Every rule set of a kind in force at an instant, one version each. */
export const activeVersionsOfKind = versionsInForceOfKind;

const parsedDocuments = new LruCache<string, RuleSetDocument>(512);

const storedDocument = preparedQuery((db) =>
  db
    .select({ document: ruleSetVersions.document })
    .from(ruleSetVersions)
    .where(and(eq(ruleSetVersions.districtId, sql.placeholder('districtId')), eq(ruleSetVersions.id, sql.placeholder('id'))))
    .prepare(),
);

/**
 * The stored document, parsed again so that schema defaults apply exactly as at upload. Cached by
 * content hash: the content behind a hash never changes, so only a version not seen before is read.
 */
export async function documentOf(ctx: ServiceContext, row: RuleSetVersionHead | RuleSetVersionRow): Promise<RuleSetDocument> {
  let doc = parsedDocuments.get(row.hash);
  if (!doc) {
    let text = 'document' in row ? row.document : undefined;
    if (text === undefined) {
      const [stored] = await storedDocument(ctx.deps.storage.db).all({ districtId: row.districtId, id: row.id });
      if (!stored) throw fail.notFound(`rule set version '${row.id}' has disappeared`);
      text = stored.document;
    }
    doc = RuleSetDocument.parse(JSON.parse(text));
    parsedDocuments.set(row.hash, doc);
  }
  return doc;
}

/** A version in force with its parsed document and compiled rules, typed by kind. */
export interface InForce<K extends KindName> {
  head: RuleSetVersionHead;
  document: DocumentOf<K>;
  compiled: CompiledOf<K>;
}

async function withCompiled<K extends KindName>(ctx: ServiceContext, kind: K, head: RuleSetVersionHead): Promise<InForce<K>> {
  const document = await documentOf(ctx, head);
  if (document.kind !== kind) throw new DomainError('wrong-rule-kind', `rule set '${head.ruleSetId}' is a ${document.kind}, not a ${kind}`);
  // The check above makes the document one of this kind.
  const typed = document as DocumentOf<K>;
  return { head, document: typed, compiled: compiledOf(typed, head.hash) };
}

/** Every rule set of a kind in force at an instant, one version each, compiled. */
export async function inForce<K extends KindName>(ctx: ServiceContext, kind: K, asOf: Date = ctx.now): Promise<Array<InForce<K>>> {
  const heads = await activeVersionsOfKind(ctx, kind, asOf);
  return Promise.all(heads.map((h) => withCompiled(ctx, kind, h)));
}

/** One named rule set in force at an instant, of the kind expected. */
export async function inForceById<K extends KindName>(ctx: ServiceContext, kind: K, ruleSetId: string, asOf: Date = ctx.now): Promise<InForce<K>> {
  return withCompiled(ctx, kind, await activeVersion(ctx, ruleSetId, asOf));
}

/** A rule set exists in the district as this kind (any version, draft or published). */
async function ruleSetExists(ctx: ServiceContext, ruleSetId: string, kind: string): Promise<boolean> {
  const [row] = await ctx.deps.storage.db
    .select({ id: ruleSetVersions.id })
    .from(ruleSetVersions)
    .where(and(eq(ruleSetVersions.districtId, ctx.districtId), eq(ruleSetVersions.ruleSetId, ruleSetId), eq(ruleSetVersions.kind, kind)))
    .limit(1);
  return row !== undefined;
}

/** Runs examples against a parsed file's rules. */
function examplesOf(parsed: ParsedRuleSet, examples: readonly RuleExample[], origin: ExampleResult['origin']): ExampleResult[] {
  // The kind is the document's own, so its compiled rules are what its example runner takes.
  const kind = kindOf(parsed.document.kind) as unknown as RuleKind<string, never, unknown>;
  return runExamples(kind, compileRuleSet(parsed.document, parsed.hash), examples, origin);
}

/** Runs a parsed file's own worked examples. */
export function ownExamples(parsed: ParsedRuleSet): ExampleResult[] {
  return examplesOf(parsed, parsed.document.examples, 'file');
}

/**
 * Everything an upload must pass besides the file itself: the rule sets it names exist in the district,
 * its own worked examples give what they say, and so do those of the version in force it would replace
 * (unless it states an example of the same name, which is then its own to change).
 */
export async function checkUpload(ctx: ServiceContext, source: string, file: string): Promise<{ parsed: ParsedRuleSet; examples: ExampleResult[] }> {
  const { parsed, examples: results } = await examineUpload(ctx, source, file);
  const failed = results.filter((r) => !r.passed);
  if (failed.length) {
    const fields: FieldIssue[] = failed.map((r) => {
      const pointer = r.origin === 'file' ? `/examples/${r.index}` : '/examples';
      const line = lineForPointer(source, pointer);
      return { pointer, in: 'file', detail: describeFailure(r), ...(line ? { line } : {}) };
    });
    throw new DomainError('rule-examples-failed', `${file}: ${fields[0]?.detail}${fields.length > 1 ? ` (and ${fields.length - 1} more)` : ''}`, {
      fields,
      extensions: { examples: results },
    });
  }
  return { parsed, examples: results };
}

/** The same checks, with the examples' results given back instead of refused: the bureau's test run. */
export async function examineUpload(
  ctx: ServiceContext,
  source: string,
  file: string,
): Promise<{ parsed: ParsedRuleSet; examples: ExampleResult[] }> {
  const parsed = await checkRuleSource(source, file, ctx.districtId);
  const doc = parsed.document;
  const kind = kindOf(doc.kind);
  const missing: FieldIssue[] = [];
  for (const ref of (kind.references as ((body: unknown) => RuleReference[]) | undefined)?.(doc.body) ?? []) {
    if (!(await ruleSetExists(ctx, ref.ruleSetId, ref.kind))) {
      const line = lineForPointer(source, ref.pointer);
      missing.push({
        pointer: ref.pointer,
        in: 'file',
        detail: `no ${ref.kind} '${ref.ruleSetId}' in district '${ctx.districtId}'`,
        ...(line ? { line } : {}),
      });
    }
  }
  if (missing.length) throw new DomainError('rule-file-invalid', `${file}: ${describe(missing[0])}`, { fields: missing });

  const results = ownExamples(parsed);
  const inForceNow = await activeVersionsOfKind(ctx, doc.kind, ctx.now);
  const current = inForceNow.find((h) => h.ruleSetId === doc.id && h.hash !== parsed.hash);
  if (current) {
    const previous = await documentOf(ctx, current);
    const own = new Set(doc.examples.map((e) => e.name));
    results.push(
      ...examplesOf(
        parsed,
        previous.examples.filter((e) => !own.has(e.name)),
        'in-force',
      ),
    );
  }
  return { parsed, examples: results };
}
