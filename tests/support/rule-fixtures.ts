/**
 * Rule files several suites use, on better-sqlite3 and in workerd alike, so both check the same figures.
 */

/**
 * A two-county ammonia agreement with derived lines (an excess, a load, a treated load after a 0.93
 * efficiency) and formula components; at c = 1.25, s = 1.00 its index 0.80 × 1.25 / 1.00 is exactly 1.
 */
export const ammoniaAgreement = (effectiveFrom: string, atThreshold: 'downstream-pays' | 'upstream-pays') => `id: ammonia-agreement
kind: allocation
version: 1
district: chongming
effectiveFrom: ${effectiveFrom}
title: 氨氮超标补偿协议
body:
  scheme: bilateral
  parameters:
    k0: { value: '0.80' }
    price: { value: '20000', unit: yuan/t }
    efficiency: { value: '0.93', description: 处理效率 }
  inputs:
    c: { unit: mg/L }
    s: { unit: mg/L }
    volume: { unit: wan-m3 }
  derive:
    - { name: excess, unit: mg/L, formula: 'max(c - s, 0)' }
    - { name: load, unit: t, formula: 'excess * volume' }
    - { name: treated, unit: t, formula: 'load / efficiency' }
  bilateral:
    upstream: 上游县
    downstream: 下游县
    index: { formula: 'k0 * c / s' }
    direction: { threshold: '1', atThreshold: ${atThreshold} }
    components:
      - { name: treatment, kind: formula, formula: 'round(treated * price, 0.01, "half-up")' }
      - { name: base, kind: formula, formula: 'load * price + treated * price - load * price' }
`;

/** What the agreement gives at c = 1.25 mg/L, s = 1.00 mg/L, 31 万 m³ (worked by hand in tests/rules-core.test.ts). */
export const AMMONIA_VALUES = { c: '1.25', s: '1.00', volume: '31' };
export const AMMONIA_PARTS = { treatment: '1666.67', base: '1666.67' };
