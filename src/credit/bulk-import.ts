/**
 * Bulk import of credit events from NDJSON or CSV (the CLI's `credit import`): every line is checked on
 * its own, good lines are recorded in batches, bad lines are reported with their numbers and every error
 * each has. Each line gets an external id derived from its content unless it carries one, so importing a
 * file again records nothing twice.
 */

import type { z } from '@hono/zod-openapi';
import { parse as parseCsv } from 'csv-parse/sync';
import type { ServiceContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { sha256Hex } from '../platform/util/crypto.js';
import { canonicalJson } from '../rules/canonical.js';
import { type EventInput, recordEvents } from './events.service.js';
import { EventInput as EventInputSchema } from './schemas.js';

export interface ImportLine {
  line: number;
  input?: EventInput;
  /** Every reason the line cannot be read, when it cannot. */
  errors?: string[];
}

export interface BadLine {
  line: number;
  errors: string[];
}

export interface ImportReport {
  lines: number;
  recorded: number;
  duplicates: number;
  bad: BadLine[];
}

/** One reason with how many lines it stopped and the first of them, most frequent first. */
export interface ImportReason {
  reason: string;
  count: number;
  lines: number[];
}

/**
 * Bad lines grouped by reason, so that a file with one mistake repeated three thousand times reads as
 * one reason with its count, not three thousand lines.
 */
export function reasonsOf(bad: readonly BadLine[], firstLines = 5): ImportReason[] {
  const by = new Map<string, ImportReason>();
  for (const b of bad) {
    for (const reason of new Set(b.errors)) {
      let r = by.get(reason);
      if (!r) {
        r = { reason, count: 0, lines: [] };
        by.set(reason, r);
      }
      r.count++;
      if (r.lines.length < firstLines) r.lines.push(b.line);
    }
  }
  return [...by.values()].sort((a, b) => b.count - a.count || (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
}

async function withExternalId(value: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (value.externalId !== undefined) return value;
  return { ...value, externalId: `line-${(await sha256Hex(canonicalJson(value))).slice(0, 40)}` };
}

function describe(error: z.ZodError): string[] {
  const all = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((k) => `/${[...issue.path, k].join('/')}: unknown field`)
      : [`${issue.path.length ? `/${issue.path.join('/')}` : '(line)'}: ${issue.message}`],
  );
  return all.length > 0 ? all : ['invalid'];
}

export async function parseNdjson(text: string): Promise<ImportLine[]> {
  const out: ImportLine[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      out.push({ line: i + 1, errors: ['not valid JSON'] });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      out.push({ line: i + 1, errors: ['a line must be one JSON object'] });
      continue;
    }
    const parsed = EventInputSchema.safeParse(await withExternalId(value as Record<string, unknown>));
    out.push(parsed.success ? { line: i + 1, input: parsed.data } : { line: i + 1, errors: describe(parsed.error) });
  }
  return out;
}

/**
 * CSV with a header row: subject_id | uscc | id_number (one of them), code, occurred_on, ended_on,
 * evidence, note, external_id, and at most one amount as amount_name, amount_value, amount_unit.
 */
export async function parseCsvEvents(text: string): Promise<ImportLine[]> {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parseCsv(text, { columns: true, info: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return [{ line: e.lines ?? 0, errors: [`CSV: ${e.message}`] }];
  }
  const out: ImportLine[] = [];
  for (const { record: r, info } of records) {
    const blank = (k: string) => (r[k] === undefined || r[k] === '' ? undefined : r[k]);
    const subject = blank('subject_id')
      ? { id: r.subject_id }
      : blank('uscc')
        ? { kind: 'firm', uscc: r.uscc }
        : blank('id_number')
          ? { kind: 'resident', idNumber: r.id_number }
          : undefined;
    const value: Record<string, unknown> = {
      subject,
      code: blank('code'),
      occurredOn: blank('occurred_on'),
      endedOn: blank('ended_on'),
      evidence: blank('evidence'),
      note: blank('note'),
      externalId: blank('external_id'),
      amounts: blank('amount_name') ? [{ name: r.amount_name, value: r.amount_value, unit: r.amount_unit }] : undefined,
    };
    for (const k of Object.keys(value)) if (value[k] === undefined) delete value[k];
    const parsed = EventInputSchema.safeParse(await withExternalId(value));
    out.push(
      parsed.success
        ? { line: info.lines, input: parsed.data }
        : {
            line: info.lines,
            errors: subject
              ? describe(parsed.error)
              : ['one of subject_id, uscc or id_number is needed', ...describe(parsed.error).filter((e) => !e.startsWith('/subject'))],
          },
    );
  }
  return out;
}

/**
 * Records the good lines in batches. A batch refused for some of its lines is recorded again without
 * them, so one bad line costs only itself.
 */
export async function importEvents(
  ctx: ServiceContext,
  lines: readonly ImportLine[],
  options: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<ImportReport> {
  const report: ImportReport = { lines: lines.length, recorded: 0, duplicates: 0, bad: [] };
  for (const l of lines) if (l.errors) report.bad.push({ line: l.line, errors: l.errors });
  const good = lines.filter((l): l is ImportLine & { input: EventInput } => l.input !== undefined);
  const size = options.batchSize ?? 1000;
  const unreadable = report.bad.length;
  options.onProgress?.(unreadable);
  for (let start = 0; start < good.length; start += size) {
    let batch = good.slice(start, start + size);
    while (batch.length > 0) {
      try {
        const outcomes = await recordEvents(
          ctx,
          batch.map((l) => l.input),
        );
        for (const o of outcomes) o.status === 'recorded' ? report.recorded++ : report.duplicates++;
        break;
      } catch (error) {
        if (!(error instanceof DomainError) || !error.fields.length) throw error;
        const badIndexes = new Map<number, string[]>();
        for (const e of error.fields) {
          const m = /^\/events\/(\d+)/.exec(e.pointer);
          if (!m) continue;
          const detail = `${e.pointer.replace(/^\/events\/\d+/, '') || '(line)'}: ${e.detail.replace(/^line \d+: /, '')}`;
          const list = badIndexes.get(Number(m[1])) ?? [];
          if (!list.includes(detail)) list.push(detail);
          badIndexes.set(Number(m[1]), list);
        }
        if (badIndexes.size === 0) throw error;
        for (const [i, errors] of badIndexes) report.bad.push({ line: (batch[i] as ImportLine).line, errors });
        batch = batch.filter((_, i) => !badIndexes.has(i));
      }
    }
    options.onProgress?.(unreadable + Math.min(good.length, start + size));
  }
  report.bad.sort((a, b) => a.line - b.line);
  return report;
}
