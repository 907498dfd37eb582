/**
 * The house keeps its own rule: imports run one way. Platform knows no feature, a feature reaches only
 * features below it, entry points sit on top, and the Node-only parts stay with the Node entry points so
 * that the same app runs on Workers. The graph is read from the source with TypeScript's own scanner, the
 * same one the compiler uses, so a type-only import or a dynamic import() counts as an arrow too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

/**
 * The layer order, lowest first, stated once. A module is a folder under src/ or a file directly in it.
 * A module may import its own files and any module of a lower layer; modules that share a layer know
 * nothing of each other.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['platform'],
  ['rules'],
  ['identity'],
  // A consent names its subject, so it stands beside the features that read one, below loans and reports.
  ['consents', 'credit', 'points', 'gep'],
  ['loans', 'compensation'],
  ['reports'],
  ['districts', 'operations', 'pages'],
  ['app.ts', 'seeds'],
  ['node', 'worker.ts', 'client'],
  ['node.ts', 'cli.ts'],
];

/** The Node entry points: the only modules that may use src/node/ (better-sqlite3, the file system, the server). */
const NODE_ENTRY_POINTS = new Set(['node', 'node.ts', 'cli.ts']);
/** Packages that run on Node alone; Biome's noNodejsModules covers the built-in modules. */
const NODE_ONLY_PACKAGES = ['better-sqlite3', 'drizzle-orm/better-sqlite3', '@hono/node-server', 'prom-client'];

/**
 * Arrows known to run the wrong way, each with the work that removes it. The test fails when one of them
 * is gone too, so that the list only ever shrinks.
 */
const PENDING: Record<string, string> = {};

interface Arrow {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names: the compiled `.js` a source imports stands for its `.ts` or `.tsx`. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const target = resolve(dirname(from), specifier);
  const stem = target.replace(/\.(js|jsx|ts|tsx)$/, '');
  const candidates = [target, `${stem}.ts`, `${stem}.tsx`, join(target, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

function readGraph(): { arrows: Arrow[]; packages: Arrow[]; unresolved: string[] } {
  const arrows: Arrow[] = [];
  const packages: Arrow[] = [];
  const unresolved: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = relative(ROOT, file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) {
        packages.push({ from, to: specifier });
        continue;
      }
      const target = resolveSpecifier(file, specifier);
      if (!target) unresolved.push(`${from} imports ${specifier}, which is no file`);
      else if (target.startsWith(`${SRC}/`)) arrows.push({ from, to: relative(ROOT, target) });
    }
  }
  return { arrows, packages, unresolved };
}

/** `src/credit/score.service.ts` → `credit`; `src/app.ts` → `app.ts`. */
const moduleOf = (path: string): string => path.split('/')[1] ?? path;
const layerOf = (module: string): number => LAYERS.findIndex((layer) => layer.includes(module));
const isRouteFile = (path: string): boolean => /\.routes\.tsx?$/.test(path);
const show = (a: Arrow): string => `${a.from} -> ${a.to}`;

function againstTheOrder(arrows: Arrow[]): Arrow[] {
  return arrows.filter((a) => {
    const [from, to] = [moduleOf(a.from), moduleOf(a.to)];
    return from !== to && layerOf(from) <= layerOf(to);
  });
}

const graph = readGraph();

describe('imports run one way', () => {
  it('reads a graph worth checking', () => {
    expect(graph.unresolved).toEqual([]);
    // A scanner that found nothing would pass every rule below.
    expect(graph.arrows.length).toBeGreaterThan(500);
    expect(graph.arrows).toContainEqual({ from: 'src/app.ts', to: 'src/platform/deps.ts' });
  });

  it('places every module of src/ in the layer order', () => {
    const modules = [...new Set(graph.arrows.flatMap((a) => [moduleOf(a.from), moduleOf(a.to)]))];
    expect(modules.filter((m) => layerOf(m) < 0)).toEqual([]);
  });

  it('has no arrow from a lower layer to a higher one, nor between modules of one layer', () => {
    const against = againstTheOrder(graph.arrows);
    const named = against.map(show).filter((arrow) => !(arrow in PENDING));
    expect(named, 'arrows against the layer order').toEqual([]);
    const gone = Object.keys(PENDING).filter((arrow) => !against.some((a) => show(a) === arrow));
    expect(gone, 'pending arrows that no longer exist: strike them from PENDING').toEqual([]);
  });

  it('has no route file importing another route file, nor anything but the app importing one', () => {
    // Schemas that two route files share, or a route file and a service or the CLI, live in the feature's schemas.ts.
    const intoRoutes = graph.arrows.filter((a) => isRouteFile(a.to) && a.from !== 'src/app.ts');
    expect(intoRoutes.map(show)).toEqual([]);
    expect(graph.arrows.filter((a) => a.from === 'src/app.ts' && isRouteFile(a.to)).length).toBeGreaterThan(10);
  });

  it('keeps src/node/ and the Node-only packages to the Node entry points', () => {
    const intoNode = graph.arrows.filter((a) => moduleOf(a.to) === 'node' && !NODE_ENTRY_POINTS.has(moduleOf(a.from)));
    expect(intoNode.map(show)).toEqual([]);
    const nodeOnly = graph.packages.filter(
      (p) => !NODE_ENTRY_POINTS.has(moduleOf(p.from)) && NODE_ONLY_PACKAGES.some((pkg) => p.to === pkg || p.to.startsWith(`${pkg}/`)),
    );
    expect(nodeOnly.map(show)).toEqual([]);
  });
});

describe('the layer check itself', () => {
  it('names an arrow up, and one across a layer, but not one down or one within a module', () => {
    const up = { from: 'src/platform/http/auth.ts', to: 'src/identity/subjects.service.ts' };
    const across = { from: 'src/credit/score.service.ts', to: 'src/points/points.service.ts' };
    const down = { from: 'src/reports/claims.ts', to: 'src/credit/score.service.ts' };
    const within = { from: 'src/credit/events.routes.ts', to: 'src/credit/events.service.ts' };
    expect(againstTheOrder([up, across, down, within])).toEqual([up, across]);
    expect(isRouteFile('src/pages/pages.routes.tsx')).toBe(true);
    expect(isRouteFile('src/credit/routes-helper.ts')).toBe(false);
  });
});
