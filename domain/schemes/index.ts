/**
 * The templates the engine carries (SCHEMES.md §1), by id. A deployment adopts one
 * (admin.scheme.adopt; the local cloud's SCHEME variable); 荆门's is the default.
 */
import type { Scheme } from '../scheme';
import { CHANGZHOU_SCHEME } from './changzhou';
import { ENTERPRISE_SCHEME } from './enterprise';
import { JINGMEN_SCHEME } from './jingmen';
import { PARTY_BRANCH_SCHEME } from './party-branch';
import { QIUXIAN_SCHEME } from './qiuxian';
import { VILLAGE_SCHEME } from './village';

export const TEMPLATES: Readonly<Record<string, Scheme>> = {
  jingmen: JINGMEN_SCHEME,
  changzhou: CHANGZHOU_SCHEME,
  'party-branch': PARTY_BRANCH_SCHEME,
  qiuxian: QIUXIAN_SCHEME,
  enterprise: ENTERPRISE_SCHEME,
  village: VILLAGE_SCHEME,
};

export const DEFAULT_TEMPLATE = 'jingmen';

export function isTemplate(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(TEMPLATES, id);
}

export { CHANGZHOU_SCHEME, ENTERPRISE_SCHEME, JINGMEN_SCHEME, PARTY_BRANCH_SCHEME, QIUXIAN_SCHEME, VILLAGE_SCHEME };
