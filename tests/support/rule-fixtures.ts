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

/**
 * A 1000 ha forest town's year as the stations record it, for the shipped county method (worked by hand
 * in tests/gep-accounting.test.ts): water (1200 − 300 − 650) mm × 1000 ha, soil retained 5.2 万t − 12 000 t,
 * NPP 5000 t, heat (18 + 3.6) 亿 kJ, SO2 12.5 t at 1.2 yuan/eq ÷ 0.95 kg/eq.
 */
export const STATION_2025 = [
  'precipitation 1200 mm',
  'runoff 300 mm',
  'evapotranspiration 650 mm',
  'erosion_potential 5.2 wan-t',
  'erosion_actual 12000 t',
  'npp 5000 t-dm',
  'transpiration_heat 18 亿kJ',
  'evaporation_heat 3.6 yi-kJ',
  'air-purification-so2 12.5 t-SO2',
];
export const STATION_2025_ROWS = {
  'water-conservation': '15276750.00',
  'soil-retention-dredging': '93046.15',
  'soil-retention-nitrogen': '65800.00',
  'soil-retention-phosphorus': '50400.00',
  'carbon-sequestration': '476775.00',
  'oxygen-release': '5950000.00',
  'climate-regulation': '123400.00',
  'air-purification-so2': '15789.47',
};
export const STATION_2025_TOTAL = '22051960.62';

/** The shipped basin-netting agreement with water better than the baseline (its first worked example). */
export const NETTING_BETTER = {
  c_codmn: '1.8',
  c_nh3n: '0.18',
  c_tn: '0.9',
  c_tp: '0.045',
  s_codmn: '2.0',
  s_nh3n: '0.2',
  s_tn: '1.0',
  s_tp: '0.05',
  volume: '3',
};
export const NETTING_BETTER_FLOWS = [
  { payer: 'central', payee: 'anhui', amount: '300000000.00' },
  { payer: 'zhejiang', payee: 'anhui', amount: '159000000.00' },
];
