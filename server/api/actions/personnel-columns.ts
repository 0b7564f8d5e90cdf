/**
 * The 固定积分 columns of a roster import (seeds/004 五、1; docs/rules.md E4): each row's attributes,
 * by code or Chinese name, checked against the template's table before anything is written, each bad
 * row reported by its number as the roster's own problems are.
 */
import type { ImportRow } from '../../../typings/api';
import { DomainError } from '../../../domain/errors';
import { parseAttributes, type Attributes } from '../../../domain/fixed-points';
import type { Scheme } from '../../../domain/scheme';
import type { StoredMember } from '../../data/members';

/** Per row (in order) its parsed attributes, or null where it gives none; or the rows' errors. */
export function attributeColumns(rows: readonly ImportRow[], scheme: Scheme): { rows: (Attributes | null)[]; errors: { row: number; message: string }[] } {
  const errors: { row: number; message: string }[] = [];
  const parsed = rows.map((row, i) => {
    if (row.attributes === undefined) return null;
    if (!scheme.fixedPoints) {
      errors.push({ row: i + 1, message: '本方案没有固定积分，不能填写学历、职称等' });
      return null;
    }
    try {
      return parseAttributes(row.attributes, scheme.fixedPoints);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      errors.push({ row: i + 1, message: error.message });
      return null;
    }
  });
  return { rows: parsed, errors };
}

export function sameFixedAttributes(a: Pick<StoredMember, 'attributes'>, b: Pick<StoredMember, 'attributes'>): boolean {
  return JSON.stringify(a.attributes ?? {}) === JSON.stringify(b.attributes ?? {});
}
