// The single-file build is exported by mathjs without a declaration of its own: this states the part
// the rules use, in the package's own types.
declare module 'mathjs/lib/browser/math.js' {
  import type FractionJs from 'fraction.js';
  import type { ConfigOptions, MathJsInstance } from 'mathjs';

  const math: {
    /** Bound to every factory in the build (mathjs core/create.js binds `create` to its factories). */
    create(config?: ConfigOptions): MathJsInstance;
    Fraction: typeof FractionJs;
  };
  export default math;
}
