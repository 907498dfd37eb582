/**
 * The units bureaus print, as data. Each unit is an exact scale (a fraction) times a product of base
 * dimensions. Tonnes of carbon, of CO2 and of O2, and each pollutant, are different dimensions: going
 * from one to another takes a factor written in the rule file (44/12 t-CO2 per t-C), never a silent
 * conversion. 万 and 亿 go on any unit (万吨, 亿kWh, wan-m3), and Chinese spellings stand beside the
 * ASCII codes (元/立方米 and yuan/m3 are the same unit).
 *
 * Why not mathjs's units: they compute in floats or BigNumber with a fixed set of SI prefixes, cannot
 * take 万 or 亿, fail on powers in exact Fraction mode, and know none of the distinctions below; this
 * table is the domain's knowledge, and the arithmetic on it is exact.
 */

/** The base dimensions and their base unit (scale 1). */
export const DIMENSIONS = {
  money: '元 (yuan)',
  length: '米 (m)',
  mass: '吨 (t)',
  carbon: '吨碳 (t-C)',
  co2: '吨二氧化碳 (t-CO2, also CO2 equivalent)',
  o2: '吨氧气 (t-O2)',
  drymatter: '吨干物质 (t-dm, NPP)',
  nitrogen: '吨氮 (t-N)',
  phosphorus: '吨磷 (t-P)',
  so2: '吨二氧化硫 (t-SO2)',
  nox: '吨氮氧化物 (t-NOx)',
  cod: '吨化学需氧量 (t-COD)',
  ammonia: '吨氨氮 (t-NH3N)',
  dust: '吨烟粉尘 (t-dust)',
  coal: '吨标准煤 (tce)',
  energy: '千瓦时 (kWh)',
  equivalent: '污染当量 (eq)',
  visit: '人次 (visit)',
  person: '人 (person)',
  household: '户 (household)',
  tree: '株 (tree)',
  trip: '次 (trip)',
  step: '步 (step)',
  time: '年 (year)',
} as const;
export type Dimension = keyof typeof DIMENSIONS;

export interface UnitEntry {
  /** The ASCII code, e.g. t-CO2. */
  code: string;
  /** What people read, e.g. 吨二氧化碳. */
  zh: string;
  /** Other spellings accepted, e.g. 公斤 for kg. */
  aliases?: readonly string[];
  /** Exact scale to the base unit of its dimension, as a decimal or a fraction: '0.001', '10000/15'. */
  scale: string;
  dims: Readonly<Partial<Record<Dimension, number>>>;
  description: string;
  /** May carry 万 and 亿 (all but the dimensionless ratios). */
  prefixable: boolean;
}

const mass = (code: string, zh: string, dim: Dimension, description: string, aliases: string[] = []): UnitEntry[] => [
  { code: `t-${code}`, zh: `吨${zh}`, aliases: [`t ${code}`, `t${code}`, ...aliases], scale: '1', dims: { [dim]: 1 }, description, prefixable: true },
  { code: `kg-${code}`, zh: `千克${zh}`, aliases: [`kg ${code}`, `kg${code}`], scale: '0.001', dims: { [dim]: 1 }, description, prefixable: true },
  { code: `g-${code}`, zh: `克${zh}`, aliases: [`g ${code}`], scale: '0.000001', dims: { [dim]: 1 }, description, prefixable: true },
];

export const UNITS: readonly UnitEntry[] = [
  { code: 'yuan', zh: '元', aliases: ['CNY', '人民币元'], scale: '1', dims: { money: 1 }, description: '人民币元', prefixable: true },
  {
    code: 'mm',
    zh: '毫米',
    scale: '0.001',
    dims: { length: 1 },
    description: 'millimetre (precipitation, runoff, evapotranspiration depth)',
    prefixable: false,
  },
  { code: 'cm', zh: '厘米', scale: '0.01', dims: { length: 1 }, description: 'centimetre', prefixable: false },
  { code: 'm', zh: '米', scale: '1', dims: { length: 1 }, description: 'metre', prefixable: true },
  { code: 'km', zh: '千米', aliases: ['公里'], scale: '1000', dims: { length: 1 }, description: 'kilometre', prefixable: true },
  { code: 'm2', zh: '平方米', aliases: ['m²', 'm^2'], scale: '1', dims: { length: 2 }, description: 'square metre', prefixable: true },
  { code: 'mu', zh: '亩', scale: '10000/15', dims: { length: 2 }, description: '亩 = 10000/15 m² exactly (15 亩 = 1 公顷)', prefixable: true },
  {
    code: 'ha',
    zh: '公顷',
    aliases: ['hm2', 'hm²', 'hm^2'],
    scale: '10000',
    dims: { length: 2 },
    description: 'hectare = hm² = 10 000 m²',
    prefixable: true,
  },
  {
    code: 'km2',
    zh: '平方千米',
    aliases: ['km²', 'km^2', '平方公里'],
    scale: '1000000',
    dims: { length: 2 },
    description: 'square kilometre',
    prefixable: true,
  },
  { code: 'L', zh: '升', scale: '0.001', dims: { length: 3 }, description: 'litre', prefixable: true },
  { code: 'm3', zh: '立方米', aliases: ['m³', 'm^3', '方'], scale: '1', dims: { length: 3 }, description: 'cubic metre', prefixable: true },
  { code: 'g', zh: '克', scale: '0.000001', dims: { mass: 1 }, description: 'gram, of anything (products, soil, sediment)', prefixable: true },
  { code: 'kg', zh: '千克', aliases: ['公斤'], scale: '0.001', dims: { mass: 1 }, description: 'kilogram, of anything', prefixable: true },
  { code: 't', zh: '吨', scale: '1', dims: { mass: 1 }, description: 'tonne, of anything (products, soil, sediment)', prefixable: true },
  ...mass('C', '碳', 'carbon', 'tonnes of carbon: not tonnes of CO2 (× 44/12 t-CO2/t-C)'),
  ...mass('CO2', '二氧化碳', 'co2', 'tonnes of CO2'),
  ...mass('CO2e', '二氧化碳当量', 'co2', 'tonnes of CO2 equivalent: the same dimension as CO2', ['t-co2e']),
  {
    code: 'kg-co2e',
    zh: '千克二氧化碳当量',
    scale: '0.001',
    dims: { co2: 1 },
    description: 'kilograms of CO2 equivalent (carbon accounts)',
    prefixable: true,
  },
  ...mass('O2', '氧气', 'o2', 'tonnes of oxygen'),
  ...mass('dm', '干物质', 'drymatter', 'tonnes of dry matter (net primary productivity, NPP)'),
  ...mass('N', '氮', 'nitrogen', 'tonnes of nitrogen (total nitrogen, TN)', ['t-TN']),
  ...mass('P', '磷', 'phosphorus', 'tonnes of phosphorus (total phosphorus, TP)', ['t-TP']),
  ...mass('SO2', '二氧化硫', 'so2', 'tonnes of sulphur dioxide'),
  ...mass('NOx', '氮氧化物', 'nox', 'tonnes of nitrogen oxides'),
  ...mass('COD', '化学需氧量', 'cod', 'tonnes of chemical oxygen demand'),
  ...mass('NH3N', '氨氮', 'ammonia', 'tonnes of ammonia nitrogen'),
  ...mass('dust', '烟粉尘', 'dust', 'tonnes of smoke and dust'),
  { code: 'tce', zh: '吨标准煤', aliases: ['t-ce'], scale: '1', dims: { coal: 1 }, description: 'tonne of coal equivalent', prefixable: true },
  {
    code: 'mg/L',
    zh: '毫克/升',
    aliases: ['mg/l'],
    scale: '0.000001',
    dims: { mass: 1, length: -3 },
    description: 'concentration: 1 mg/L = 1 g/m³, so mg/L × m³ gives a mass (1e-6 t per m³)',
    prefixable: false,
  },
  { code: 'J', zh: '焦耳', aliases: ['焦'], scale: '1/3600000', dims: { energy: 1 }, description: 'joule = 1/3 600 000 kWh', prefixable: true },
  { code: 'kJ', zh: '千焦', scale: '1/3600', dims: { energy: 1 }, description: 'kilojoule', prefixable: true },
  { code: 'MJ', zh: '兆焦', scale: '5/18', dims: { energy: 1 }, description: 'megajoule = 1/3.6 kWh', prefixable: true },
  { code: 'GJ', zh: '吉焦', scale: '2500/9', dims: { energy: 1 }, description: 'gigajoule', prefixable: true },
  {
    code: 'kWh',
    zh: '千瓦时',
    aliases: ['度', 'kW·h'],
    scale: '1',
    dims: { energy: 1 },
    description: 'kilowatt-hour (1 kWh = 3.6 MJ)',
    prefixable: true,
  },
  {
    code: 'eq',
    zh: '当量',
    aliases: ['污染当量'],
    scale: '1',
    dims: { equivalent: 1 },
    description: 'pollution equivalent (污染当量)',
    prefixable: true,
  },
  { code: 'visit', zh: '人次', scale: '1', dims: { visit: 1 }, description: 'visits (tourism, recreation)', prefixable: true },
  { code: 'person', zh: '人', scale: '1', dims: { person: 1 }, description: 'people (rangers, residents)', prefixable: true },
  { code: 'household', zh: '户', scale: '1', dims: { household: 1 }, description: 'households', prefixable: true },
  { code: 'tree', zh: '株', aliases: ['棵'], scale: '1', dims: { tree: 1 }, description: 'trees planted', prefixable: true },
  { code: 'trip', zh: '次', scale: '1', dims: { trip: 1 }, description: 'trips, acts (a bus ride, a payment)', prefixable: true },
  { code: 'step', zh: '步', scale: '1', dims: { step: 1 }, description: 'steps walked', prefixable: true },
  { code: 'year', zh: '年', scale: '1', dims: { time: 1 }, description: 'year', prefixable: false },
  { code: 'month', zh: '月', scale: '1/12', dims: { time: 1 }, description: 'month = 1/12 year', prefixable: false },
  { code: '1', zh: '', aliases: ['one'], scale: '1', dims: {}, description: 'a pure number (a ratio, a coefficient, points)', prefixable: false },
  { code: 'percent', zh: '%', aliases: ['%', '百分比'], scale: '1/100', dims: {}, description: 'percent: 1 % = 0.01', prefixable: false },
  { code: 'permille', zh: '‰', aliases: ['‰', '千分比'], scale: '1/1000', dims: {}, description: 'per mille: 1 ‰ = 0.001', prefixable: false },
];

/** 万 and 亿 as prefixes: ASCII wan-/yi- or the characters themselves. */
export const PREFIXES = [
  { ascii: 'wan-', zh: '万', scale: '10000' },
  { ascii: 'yi-', zh: '亿', scale: '100000000' },
] as const;
