/**
 * 秘书处 imports a pasted sheet of members (admin.members.import; docs/rules.md M1–M6).
 *
 * The sheet is matched against the members on file before the transaction (domain/roster.ts); inside
 * it, every new member's roster key (phone, or name within the branch) is read and written, so two
 * secretaries importing overlapping sheets at once cannot create one person twice: the later
 * transaction conflicts, finds the member the other just created, and the import is matched again
 * against the roster as it now is. Changes of position, tier or branch route pending claims again in
 * the same transaction (member-changes.ts), and the boards follow at once (refreshTallies).
 */
import { z } from 'zod';
import type { ImportRow } from '../../../typings/api';
import type { Branch } from '../../../typings/models';
import { IMPORT_ROWS_MAX, normalizePhone, planImport, type ImportPlan, type RosterRow } from '../../../domain/roster';
import { rosterTerms } from '../../../domain/scheme';
import { defineAction } from '../action';
import { Replay, type RequestContext, type StoredRequest } from '../context';
import { database, getOrNull } from '../../cloud';
import { COLLECTIONS } from '../../data/collections';
import { BranchResolver, loadBranches, newBranchId } from '../../data/branches';
import { issueInviteCodes } from '../../data/invites';
import { refreshTallies } from '../../data/ledger';
import { PendingClaimsPlan, type ClaimChange, type MemberChange } from '../../data/member-changes';
import { membersWhereIn, type StoredMember } from '../../data/members';
import { attributesOf, keyHolder, newMember, readMember, rosterKeyOf, sameAttributes, writeMember } from '../../data/roster';
import { notifyReviewers } from '../../notify';
import { attributeColumns, sameFixedAttributes } from './personnel-columns';
import type { Attributes } from '../../../domain/fixed-points';
import { planHouseholds, type HouseholdRow, type PlannedHousehold } from '../../../domain/households';
import type { Scheme } from '../../../domain/scheme';
import { codesNeeded, HouseholdMoved, householdsNamed, writeHouseholds } from '../../data/household-import';

const cell = z.string().max(200, '过长');

/**
 * A pasted row: only the types are checked here; the values (category and role ids of the template,
 * phone format, lengths) are the roster's rules, reported per row (domain/roster.ts). `roles` and
 * `category` are the template's words (SCHEMES.md §3); 荆门's `positions` and `tier` stay accepted.
 */
const importRow = z
  .object({
    name: cell,
    phone: cell.optional(),
    branch: cell.optional(),
    category: cell.optional(),
    roles: z.array(cell).max(10, '过多').optional(),
    tier: cell.optional(),
    positions: z.array(cell).max(10, '过多').optional(),
    profession: cell.optional(),
    socialRoles: z.array(cell).max(20, '过多').optional(),
    attributes: z.record(z.string().max(20, '过长'), z.string().max(20, '过长')).optional(),
    household: cell.optional(),
  })
  .strict();

const importSchema = z
  .object({ rows: z.array(importRow).min(1, '请至少导入一行').max(IMPORT_ROWS_MAX, `一次最多导入 ${IMPORT_ROWS_MAX} 行`) })
  .strict() as unknown as z.ZodType<{ rows: ImportRow[] }>;

/** A row in the roster's words: the template's names of category and roles, whichever the sheet used. */
function rosterRow(row: ImportRow): RosterRow {
  const { tier, positions, category, roles, attributes, household, ...rest } = row;
  // 固定积分 attributes are the personnel sheet's (personnel-columns.ts); a household is planned apart (splitSheet).
  void attributes;
  void household;
  const out: RosterRow = { ...rest };
  const chosenCategory = category ?? tier;
  const chosenRoles = roles ?? positions;
  if (chosenCategory !== undefined) out.category = chosenCategory;
  if (chosenRoles !== undefined) out.roles = chosenRoles;
  return out;
}

/** Thrown inside the transaction when another import created or re-keyed a member of this sheet meanwhile. */
class RosterMoved extends Error {}

/** Re-planning rounds before the import gives up with CONFLICT (each round means another import won a race). */
const PLANNING_ROUNDS = 4;

type ImportData = { created: number; updated: number; errors: { row: number; message: string }[]; members: { memberId: string; name: string; inviteCode: string; holder?: string }[] };

export const adminMembersImport = defineAction('admin.members.import', {
  schema: importSchema,
  access: 'secretariat',
  writes: true,
  async handle(ctx, payload) {
    const sheet = splitSheet(payload.rows);
    const attributes = attributeColumns(payload.rows, await ctx.scheme());
    if (attributes.errors.length > 0) return { created: 0, updated: 0, errors: attributes.errors, members: [] };
    for (let round = 1; ; round++) {
      try {
        return await importOnce(ctx, sheet, attributes.rows);
      } catch (error) {
        if (!(error instanceof RosterMoved || error instanceof HouseholdMoved) || round >= PLANNING_ROUNDS) throw error;
      }
    }
  },
});

/** The sheet as two lists: people with an account of their own, and people of households (H1). */
interface Sheet {
  people: RosterRow[];
  /** The 1-based sheet row of each of `people`. */
  peopleRows: number[];
  households: HouseholdRow[];
}

function splitSheet(rows: readonly ImportRow[]): Sheet {
  const sheet: Sheet = { people: [], peopleRows: [], households: [] };
  rows.forEach((row, i) => {
    if (row.household !== undefined && row.household.trim() !== '') {
      sheet.households.push({ ...rosterRow(row), row: i + 1, household: row.household });
    } else {
      sheet.people.push(rosterRow(row));
      sheet.peopleRows.push(i + 1);
    }
  });
  return sheet;
}

/** Both halves of the sheet planned: every error with its sheet row, or the plans to write. */
async function planSheet(sheet: Sheet, scheme: Scheme): Promise<{ errors: ImportData['errors']; people: ImportPlan; existing: StoredMember[]; households: PlannedHousehold[] }> {
  const existing = await candidatesFor(sheet.people);
  const people = planImport(sheet.people, existing, scheme.organisation, rosterTerms(scheme));
  const errors = people.errors.map((e) => ({ row: sheet.peopleRows[e.row - 1], message: e.message }));
  if (sheet.households.length === 0) return { errors, people, existing, households: [] };
  if (!scheme.organisation.households) {
    return { errors: [...errors, ...sheet.households.map((h) => ({ row: h.row, message: '本方案不以户为单位积分，请删去户名' }))], people, existing, households: [] };
  }
  const onFile = await householdsNamed(sheet.households.map((h) => h.household.trim()));
  const households = planHouseholds(sheet.households, onFile, scheme.organisation, rosterTerms(scheme));
  return { errors: [...errors, ...households.errors].sort((a, b) => a.row - b.row), people, existing, households: households.households };
}

async function importOnce(ctx: RequestContext, sheet: Sheet, attributes: readonly (Attributes | null)[]): Promise<ImportData> {
  // A retry is planned against the members its first attempt created: answer it before planning.
  await replayIfDone(ctx);
  const scheme = await ctx.scheme();
  const { errors, people: plan, existing, households } = await planSheet(sheet, scheme);
  if (errors.length > 0) return { created: 0, updated: 0, errors, members: [] };

  const branches = await loadBranches();
  const codes = await issueInviteCodes(plan.rows.filter((r) => r.action === 'create').length + codesNeeded(households));
  const pending = await PendingClaimsPlan.plan(plannedChanges(plan, existing, branches), scheme, await ctx.secretariatActor());
  const at = ctx.now.toISOString();

  let rerouted: ClaimChange[] = [];
  const data = await ctx.transact(async (tx) => {
    const resolver = new BranchResolver(branches);
    const members: ImportData['members'] = [];
    let created = 0;
    let updated = 0;
    for (const row of plan.rows) {
      const branch = await resolver.resolve(tx, row.draft.branchName);
      // 固定积分 attributes of the sheet's row (people's rows are numbered within the whole sheet).
      const given = attributes[sheet.peopleRows[row.row - 1] - 1];
      if (row.action === 'create') {
        const member = newMember(row.draft, branch, codes[created++], at);
        if (given) member.attributes = given;
        if (await keyHolder(tx, rosterKeyOf(member))) throw new RosterMoved();
        await writeMember(tx, member);
        members.push({ memberId: member._id, name: member.name, inviteCode: member.inviteCode });
      } else {
        const stored = await readMember(tx, row.memberId, 'CONFLICT');
        const member: StoredMember = { ...stored, ...attributesOf(row.draft, branch) };
        if (given) member.attributes = { ...stored.attributes, ...given };
        // Re-importing the same sheet is common: only what changed is written.
        if (!sameAttributes(stored, member) || !sameFixedAttributes(stored, member)) {
          const holder = rosterKeyOf(member) === rosterKeyOf(stored) ? null : await keyHolder(tx, rosterKeyOf(member));
          if (holder && holder._id !== member._id) throw new RosterMoved();
          member.updatedAt = at;
          await writeMember(tx, member);
          await refreshTallies(tx, member, scheme);
          updated++;
        }
        members.push({ memberId: member._id, name: member.name, inviteCode: member.inviteCode });
      }
    }
    const written = await writeHouseholds(tx, households, (name) => resolver.resolve(tx, name), codes.slice(created), scheme, at);
    rerouted = await pending.apply(tx, at);
    return { created: created + written.created, updated: updated + written.updated, errors: [], members: [...members, ...written.members] };
  });
  for (const { claim, newReviewers } of rerouted) await notifyReviewers(claim, newReviewers);
  return data;
}

/** The members an import will change, as they are before and after it (for their pending claims). */
function plannedChanges(plan: ImportPlan, existing: readonly StoredMember[], branches: readonly Branch[]): MemberChange[] {
  const byId = new Map(existing.map((m) => [m._id, m]));
  const byName = new Map(branches.map((b) => [b.name, b]));
  return plan.rows.flatMap((row) => {
    if (row.action !== 'update') return [];
    const before = byId.get(row.memberId);
    if (!before) return [];
    const name = row.draft.branchName;
    const branch = name === null ? null : (byName.get(name) ?? { _id: newBranchId(name), name });
    return [{ before, after: { ...before, ...attributesOf(row.draft, branch) } }];
  });
}

async function replayIfDone(ctx: RequestContext): Promise<void> {
  if (!ctx.requestKey) return;
  const done = await getOrNull<StoredRequest>(database().collection(COLLECTIONS.requests).doc(ctx.requestKey));
  if (done) throw new Replay(done.result);
}

/** Members on file the rows could match: by phone, and by name. Reads ⌈rows / 500⌉ × 2 pages or so. */
async function candidatesFor(rows: readonly RosterRow[]): Promise<StoredMember[]> {
  const phones = rows.map((r) => (r.phone ? normalizePhone(r.phone) : null)).filter((p): p is string => p !== null);
  const names = rows.map((r) => r.name.trim()).filter(Boolean);
  const found = [...(await membersWhereIn('phone', phones)), ...(await membersWhereIn('name', names))];
  return [...new Map(found.filter((member) => member.kind !== 'household').map((member) => [member._id, member])).values()];
}
