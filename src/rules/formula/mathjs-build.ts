/**
 * mathjs as its single-file build. The package's ES modules are about a thousand files: importing
 * them cost a process 85 MB of resident memory, this build 12 MB (measured on Node 20 here), which
 * is what keeps a server under its memory target and a Worker well inside its isolate. The build is
 * the same release, exported by the package for this use; its types are the package's own.
 *
 * Every instance of the build shares one Fraction class, so the exact values the rules make and the
 * ones mathjs returns are the same kind of object.
 */
/// <reference path="./mathjs-single-file.d.ts" />
import type FractionJs from 'fraction.js';
import mathjs from 'mathjs/lib/browser/math.js';

export const { create } = mathjs;
export const Fraction = mathjs.Fraction;
export type Fraction = FractionJs;
