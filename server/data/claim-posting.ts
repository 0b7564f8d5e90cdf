/**
 * Posting an approved claim (SPEC §4): one ledger entry per line that counts, in the caller's
 * transaction, with the claim's reviewers. Entry ids are derived from the claim (reversals and
 * corrections from the entry they correct), so a claim is never posted twice.
 */
import type { Claim } from '../../typings/models';
import { DomainError } from '../../domain/errors';
import type { Scheme } from '../../domain/scheme';
import { SECRETARIAT } from '../api/context';
import type { Tx } from '../cloud';
import { postEntries, type NewEntry } from './ledger';
import type { StoredMember } from './members';

/** The ledger id of line i: reversals and corrections derive theirs from the entry they correct. */
function entryId(claim: Claim, i: number): string {
  // An upheld objection to an entry reverses it, as a reversal would.
  if (claim.kind === 'reversal' || (claim.kind === 'objection' && claim.reversalOf)) return `rev-${claim.reversalOf}`;
  if (claim.kind === 'correction') return i === 0 ? `rev-${claim.reversalOf}` : `cor-${claim.reversalOf}`;
  return `${claim._id}-${i}`;
}

function entriesOf(claim: Claim, reviewers: string[]): NewEntry[] {
  return claim.lines.flatMap((line, i) => {
    if (line.excluded) return [];
    const entry: NewEntry = {
      _id: entryId(claim, i),
      memberId: line.memberId,
      itemId: line.itemId,
      itemName: line.itemName,
      points: line.points,
      occurredOn: claim.occurredOn,
      schemeVersion: claim.schemeVersion,
      claimId: claim._id,
      reviewers,
    };
    if (claim.note) entry.note = claim.note;
    if (line.duplicateOf) entry.duplicateOf = line.duplicateOf;
    if (line.component) entry.component = line.component;
    if (line.capGroup) entry.capGroup = line.capGroup;
    if (line.deduction) entry.deduction = true;
    if (line.hours !== undefined) entry.hours = line.hours;
    if (claim.reversalOf && entry._id.startsWith('rev-')) entry.reverses = claim.reversalOf;
    if (claim.reversalOf && entry._id.startsWith('cor-')) entry.corrects = claim.reversalOf;
    return [entry];
  });
}

/**
 * Posts an approved claim's lines. Its reviewers are the members who approved a step: a proposal by
 * the secretariat without a member record names none (docs/rules.md D4). CONFLICT when an entry of
 * it exists already (a reversal of an entry reversed meanwhile, or a claim decided twice).
 */
export async function postClaim(tx: Tx, claim: Claim, scheme: Scheme, now: Date, members: ReadonlyMap<string, StoredMember>): Promise<void> {
  const reviewers = claim.decisions.filter((d) => d.decision === 'approve').map((d) => d.by).filter((by) => by !== SECRETARIAT.id);
  const { skipped } = await postEntries(tx, entriesOf(claim, reviewers), scheme, now, members);
  if (skipped > 0) throw new DomainError('CONFLICT', claim.reversalOf ? '该记录已被冲正或更正过' : '该申请刚被他人处理，请刷新后查看');
}
