/**
 * An exact sum of decimal strings (event amounts such as fines in yuan or kg CO2e), given as the double
 * nearest to it. Adding the amounts as floats made the total depend on the order of the events and
 * could put a fact on the wrong side of a boundary (a fine of 1 000 000 yuan or more); here the order
 * does not matter. Amounts of up to nine integer and six decimal digits are added as whole millionths
 * in a double (exact while the sum stays below 2^53); anything else, or a larger sum, goes to decimal.js.
 */
import Decimal from 'decimal.js';

const SMALL = /^(-?)(\d{1,9})(?:\.(\d{1,6}))?$/;
const SCALE = [1, 100_000, 10_000, 1000, 100, 10, 1];

export class DecimalSum {
  private micro = 0;
  private large: Decimal | undefined;

  add(value: string): void {
    const m = SMALL.exec(value);
    if (m) {
      const frac = m[3] ?? '';
      const units = Number(m[2]) * 1_000_000 + (frac ? Number(frac) * (SCALE[frac.length] as number) : 0);
      const next = this.micro + (m[1] ? -units : units);
      if (Number.isSafeInteger(next)) {
        this.micro = next;
        return;
      }
    }
    this.large = (this.large ?? new Decimal(0)).plus(new Decimal(value));
  }

  /** The sum, as the double nearest to it: what Number() gives for its decimal form. */
  value(): number {
    // Both operands are exact integers, so the division is correctly rounded.
    if (!this.large) return this.micro / 1_000_000;
    return this.large.plus(new Decimal(this.micro).div(1_000_000)).toNumber();
  }
}
