/**
 * Rule versions (第二十、二十一条): a new version applies from its effective time; recorded entries keep
 * their points and a pending claim keeps the version it was submitted under.
 */
import type { SchemeItemInput } from '../typings/api';
import { DomainError } from './errors';
import { defaultClaimable, parseScheme, type Scheme } from './scheme';

/** The next version of `current` with a new catalog (admin.scheme.publish), validated. */
export function reviseScheme(current: Scheme, items: readonly SchemeItemInput[], now: Date, effectiveFrom?: string): Scheme {
  const from = effectiveFrom ?? now.toISOString();
  const next = parseScheme({
    ...current,
    version: current.version + 1,
    effectiveFrom: from,
    items: items.map((item) => ({ ...item, claimable: item.claimable ?? defaultClaimable(item.kind) })),
  });
  if (Date.parse(next.effectiveFrom) < Date.parse(current.effectiveFrom)) {
    throw new DomainError('INVALID_INPUT', '新版本的生效时间不能早于当前版本');
  }
  return next;
}

/** The version in force at `at`: the highest version whose effective time has come. */
export function schemeInForce(versions: readonly Scheme[], at: Date): Scheme {
  const inForce = versions
    .filter((s) => Date.parse(s.effectiveFrom) <= at.getTime())
    .sort((a, b) => b.version - a.version)[0];
  if (!inForce) throw new DomainError('INTERNAL', '没有生效的积分方案');
  return inForce;
}
