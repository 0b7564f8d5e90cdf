/**
 * Reading the names of the scheme's categories and roles as a secretary types them in a sheet (SPEC §4
 * People; SchemeTerms): the id, the full name, or a part of the name that names one role only
 * ('指导员' for 政治指导员, '分会领导' for 分会领导班子成员).
 */
import type { SchemeTerms } from '../../../typings/api';
import { roleName } from '../../format/terms';

/** Accepts the Chinese name or the id: '理事' and 'director' are both a director. */
export function categoryOf(text: string, terms: SchemeTerms): string | null {
  const value = text.trim();
  return terms.categories.find((c) => c.id === value || c.name === value)?.id ?? null;
}

export function roleOf(text: string, terms: SchemeTerms): string | null {
  const value = text.trim();
  if (value === '') return null;
  const exact = terms.roles.find((r) => r.id === value || r.name === value);
  if (exact) return exact.id;
  const partial = terms.roles.filter((r) => r.name.includes(value));
  return partial.length === 1 ? partial[0].id : null;
}

export function rolesText(roles: readonly string[], terms: SchemeTerms): string {
  return roles.map((id) => roleName(terms, id)).join('、');
}
