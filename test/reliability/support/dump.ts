/**
 * Comparing whole stores across runs of the same scenario. Two runs differ only in what is random
 * by design: document ids made with randomBytes(12) (claims, imported members), what is named after
 * them (a unit's own item, `unit.u<hash>.c<hash of its claim>`) and invite codes.
 * `canonical` replaces those with placeholders and orders each collection by content, so two runs
 * that wrote the same documents compare equal and a run that wrote part of them does not.
 */
import type { Doc } from '../../../localcloud/store/store';

/** 24 hex digits: newClaimId() and an imported member's id. */
const RANDOM_ID = /\b[0-9a-f]{24}\b/g;
/** A unit's own item, named after the random id of the claim that proposed it. */
const UNIT_ITEM_ID = /\bunit\.u[0-9a-f]{8}\.c[0-9a-f]{8}\b/g;
/** An issued invite code (domain alphabet, no I/O/L/0/1); fixture codes start with "INV", which it cannot. */
const ISSUED_CODE = /"(inviteCode|code)":"[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}"/g;

export type Dump = Record<string, Doc[]>;

export function canonical(dump: Dump): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, docs] of Object.entries(dump)) {
    out[name] = docs
      .map((doc) => JSON.stringify(doc).replace(RANDOM_ID, '<id>').replace(UNIT_ITEM_ID, '<unit-item>').replace(ISSUED_CODE, '"$1":"<code>"'))
      .sort();
  }
  return out;
}

/** Collections whose documents differ between two dumps (by canonical content), for failure messages. */
export function differingCollections(a: Dump, b: Dump): string[] {
  const ca = canonical(a);
  const cb = canonical(b);
  return [...new Set([...Object.keys(ca), ...Object.keys(cb)])]
    .filter((name) => JSON.stringify(ca[name] ?? []) !== JSON.stringify(cb[name] ?? []))
    .sort();
}
