/**
 * Reading a rule file: YAML → validated document → canonical hash, with every error pointing at the
 * file, line and field so a bureau can fix it in its editor.
 */
import Decimal from 'decimal.js';
import { type Document, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { FieldIssue } from '../platform/errors.js';
import { fieldErrors } from '../platform/http/openapi.js';
import { contentHash } from './canonical.js';
import { RuleSetDocument } from './envelope.js';

export interface ParsedRuleSet {
  document: RuleSetDocument;
  /** The document as written, without `$schema`: what the hash covers. */
  content: Record<string, unknown>;
  hash: string;
  source: string;
}

export type RuleFileResult = { ok: true; ruleSet: ParsedRuleSet } | { ok: false; file: string; errors: FieldIssue[] };

const MAX_RULE_FILE_BYTES = 1_000_000;

export async function parseRuleFile(source: string, file: string): Promise<RuleFileResult> {
  if (source.length > MAX_RULE_FILE_BYTES) {
    return { ok: false, file, errors: [{ pointer: '', in: 'file', detail: `a rule file may hold at most ${MAX_RULE_FILE_BYTES} characters` }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      file,
      errors: doc.errors.map((e) => ({
        pointer: '',
        in: 'file' as const,
        detail: `YAML: ${e.message.split('\n')[0]}`,
        line: lineCounter.linePos(e.pos[0]).line,
      })),
    };
  }
  const inexact = readNumbersExactly(doc);
  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  const parsed = RuleSetDocument.safeParse(raw);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error.issues, 'file').map((e) => {
      const line = lineOf(doc, lineCounter, e.pointer);
      const number = inexact.get(e.pointer);
      const detail = number
        ? `${number.written} cannot be held exactly in this field (it would be read as ${number.asDouble}): write fewer digits, or a decimal string where the field takes one`
        : e.detail;
      return line === undefined ? { ...e, detail } : { ...e, detail, line };
    });
    return { ok: false, file, errors };
  }
  const { $schema: _hint, ...content } = raw as Record<string, unknown>;
  return { ok: true, ruleSet: { document: parsed.data, content, hash: await contentHash(content), source } };
}

/**
 * YAML reads a bare number as a double, so 1.0752688172043010753 would silently become
 * 1.075268817204301. Every plain number whose digits a double cannot hold is replaced, in place, by its
 * exact decimal string: a field that takes decimals (money, prices, ratios, bounds) then reads it
 * exactly, and a field that takes only a number refuses it, naming the digits written. Returns those
 * numbers by JSON pointer.
 */
function readNumbersExactly(doc: Document): Map<string, { written: string; asDouble: string }> {
  const out = new Map<string, { written: string; asDouble: string }>();
  const escapeKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
  const walk = (node: unknown, pointer: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) walk(pair.value, `${pointer}/${escapeKey(String(pair.key.value))}`);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, `${pointer}/${i}`);
      });
    } else if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string') {
      const written = node.source.trim();
      if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(written)) return;
      const exact = new Decimal(written);
      if (exact.equals(new Decimal(String(node.value)))) return;
      out.set(pointer, { written, asDouble: String(node.value) });
      node.value = exact.toFixed();
    }
  };
  walk(doc.contents, '');
  return out;
}

/** The line a JSON pointer lands on; for a missing field, the line of its nearest parent. */
function lineOf(doc: Document, lines: LineCounter, pointer: string): number | undefined {
  const path = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    // An unknown key has no value node worth pointing at: point at the key itself.
    if (depth === path.length && depth > 0) {
      const parent = prefix.length > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
      const last = prefix[prefix.length - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last);
        if (pair && isNode(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]).line;
      }
    }
    const node = prefix.length === 0 ? doc.contents : doc.getIn(prefix, true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** The line a JSON pointer lands on in a source, for errors found after parsing (e.g. at compile time). */
export function lineForPointer(source: string, pointer: string): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  return lineOf(doc, lineCounter, pointer.replace(/^\/body/, '/body'));
}
