/**
 * How people in China read times, dates and money: Beijing time through Intl (Asia/Shanghai, whatever
 * the server's zone), dates as 2026年12月2日, yuan with thousands separators and two decimals. Money
 * is formatted from its decimal string with decimal.js, never through a float.
 */
import Decimal from 'decimal.js';

const ZONE = 'Asia/Shanghai';

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, year: 'numeric', month: 'long', day: 'numeric' });

const instant = (value: string | Date): Date | undefined => {
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? undefined : d;
};

/** An instant in Beijing time: 2026年11月24日 10:00. */
export function beijingDateTime(value: string | Date | null | undefined): string {
  const d = value ? instant(value) : undefined;
  return d ? dateTimeFormat.format(d) : '—';
}

/** The Beijing calendar day of an instant: 2026年11月24日. */
export function beijingDate(value: string | Date | null | undefined): string {
  const d = value ? instant(value) : undefined;
  return d ? dateFormat.format(d) : '—';
}

/** A calendar date as stored (YYYY-MM-DD, already a China date): 2026年12月2日. No time zone applies. */
export function calendarDate(value: string | null | undefined): string {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return value ?? '—';
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A decimal string as money: 1234567.5 → 1,234,567.50 (rounded half up to the fen). */
export function money(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    return value;
  }
  const fixed = d.abs().toFixed(2, Decimal.ROUND_HALF_UP);
  const [whole, fen] = fixed.split('.') as [string, string];
  return `${d.isNegative() && !d.isZero() ? '−' : ''}${group(whole)}.${fen}`;
}

/** Money in yuan with its unit: 1,234,567.50 元. */
export function yuan(value: string | null | undefined): string {
  const m = money(value);
  return m === '—' ? m : `${m} 元`;
}

/** A change in yuan with its sign: +1,200.00 元 / −350.00 元. */
export function signedYuan(value: string | null | undefined): string {
  const m = money(value);
  if (m === '—') return m;
  return `${m.startsWith('−') || /^0\.00$/.test(m) ? '' : '+'}${m} 元`;
}

/** A plain decimal with thousands separators, keeping its own decimals: 1523700 → 1,523,700. */
export function quantity(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1] ? '−' : ''}${group(m[2] as string)}${m[3] ?? ''}`;
}
