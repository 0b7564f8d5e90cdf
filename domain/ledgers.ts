/**
 * Who holds a 积分台账. Points go to accounts: a household where the template keeps its ledgers by
 * household (seeds/004 第三篇 四(四) 以户为单位建立积分台账; seeds/001 篇十七 以家庭户为单位), else a
 * person of one of the template's categories. An official without a category holds a role but no
 * ledger: the 评定小组's people, a 村民小组长 or the 文书 of a village (docs/rules.md H11, H23), 荆门's
 * 政治指导员 (第十二条: 市委统战部分管副部长, not a 会员; M3). Points credited to them would count on no
 * board, so nobody may report or record points for them (H24).
 */
import type { MemberRecord } from '../typings/models';
import { DomainError } from './errors';
import { roleName } from './glossary';
import type { Scheme } from './scheme';

export type LedgerHolder = Pick<MemberRecord, 'name' | 'category' | 'kind' | 'roles'>;

/** Whether points may be credited to the account. */
export function hasLedger(member: Pick<MemberRecord, 'category' | 'kind'>): boolean {
  return member.kind === 'household' || member.category !== null;
}

/** Why a person without a ledger has none, as a clause: where the points go instead. */
function whereThePointsGo(member: LedgerHolder, scheme: Scheme): string {
  const word = scheme.words.member;
  if (scheme.organisation.households) return `积分以户为单位，记在${word}名下（以户为单位建立积分台账）`;
  const officials = member.roles.filter((id) => scheme.organisation.roles.find((r) => r.id === id)?.official).map((id) => roleName(scheme, id));
  return `${officials.length > 0 ? `${officials.join('、')}不是${word}，` : ''}积分只记在${word}名下`;
}

/**
 * The sentence 申报 shows in place of its form, and the refusal of a self-report, for a person with no
 * ledger; `null` for an account. On a households template it says how the household reports instead.
 */
export function selfReportRefusal(member: LedgerHolder | null, scheme: Scheme): string | null {
  if (!member || hasLedger(member)) return null;
  const instead = scheme.organisation.households ? `您家的积分，请由户里的成员用各自的邀请码绑定微信后以户申报。` : '';
  return `您没有本人的积分台账，不能为自己申报：${whereThePointsGo(member, scheme)}。${instead}`;
}

/** Refuses a self-report of a person with no ledger: it would be approved into a ledger no board counts. */
export function assertMayReportForSelf(member: LedgerHolder, scheme: Scheme): void {
  const refusal = selfReportRefusal(member, scheme);
  if (refusal) throw new DomainError('FORBIDDEN', refusal);
}

/** Refuses points for recipients without a ledger (an award, a collective event, a 评定小组's record), by name. */
export function assertAllHoldLedgers(recipients: readonly LedgerHolder[], scheme: Scheme): void {
  const without = recipients.filter((r) => !hasLedger(r));
  if (without.length === 0) return;
  const names = without.map((r) => r.name);
  const who = `${names.slice(0, 5).join('、')}${names.length > 5 ? ` 等 ${names.length} 人` : ''}`;
  const instead = scheme.organisation.households ? `，请改选其所在的户` : '';
  throw new DomainError('INVALID_INPUT', `${who}没有本人的积分台账，不能记入积分：${whereThePointsGo(without[0], scheme)}${instead}`, {
    names,
  });
}
