import { describe, expect, it } from 'vitest';
import { maskResidentId, parseResidentId } from '../src/platform/identifiers/resident-id.js';
import { parseUscc } from '../src/platform/identifiers/uscc.js';

describe('identifier check characters', () => {
  it('accept the standard example ID number and real firms’ codes', () => {
    expect(parseResidentId('11010519491231002X', '2026-11-24')).toMatchObject({ ok: true, birthDate: '1949-12-31', regionCode: '110105' });
    expect(parseResidentId('11010519491231002x', '2026-11-24').ok).toBe(true);
    expect(parseUscc('914403001922038216')).toMatchObject({ ok: true, regionCode: '440300' });
    expect(parseUscc('9144030071526726XG').ok).toBe(true);
  });

  it('refuse every single-character change of a valid code', () => {
    const id = '11010519491231002X';
    for (let i = 0; i < 18; i++) {
      for (const ch of '0123456789X') {
        if (ch === id[i] || (i < 17 && ch === 'X')) continue;
        const changed = id.slice(0, i) + ch + id.slice(i + 1);
        expect(parseResidentId(changed, '2026-11-24').ok, changed).toBe(false);
      }
    }
    const uscc = '914403001922038216';
    for (let i = 0; i < 18; i++) {
      for (const ch of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
        if (ch === uscc[i]) continue;
        expect(parseUscc(uscc.slice(0, i) + ch + uscc.slice(i + 1)).ok).toBe(false);
      }
    }
  });

  it('masks all but the region and the last four', () => {
    expect(maskResidentId('310230198503121233')).toBe('310230********1233');
  });
});
