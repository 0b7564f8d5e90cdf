/**
 * The secretariat's edit form for one member and the patch it sends (admin.members.update): only what
 * changed, with the branch by name (the server resolves names, as the import does) and social roles
 * typed as one line separated by 、.
 */
import type { Branch, Member, MemberPatch, Position, Tier } from '../../../typings/api';
import { POSITION_LABELS, TIER_LABELS } from '../../format/labels';
import { POSITIONS, TIERS } from './roster-labels';

export const NO_BRANCH = '总会直属';
export const NO_TIER = '无（非会员）';

export interface MemberForm {
  name: string;
  phone: string;
  /** 0: the association directly; i + 1: branches[i]. */
  branchIndex: number;
  /** 0: none; i + 1: TIERS[i]. */
  tierIndex: number;
  positions: Record<Position, boolean>;
  profession: string;
  socialRoles: string;
}

export const branchOptions = (branches: readonly Branch[]): string[] => [NO_BRANCH, ...branches.map((b) => b.name)];
export const tierOptions = (): string[] => [NO_TIER, ...TIERS.map((t) => TIER_LABELS[t])];
export const positionOptions = (): { value: Position; label: string }[] => POSITIONS.map((value) => ({ value, label: POSITION_LABELS[value] }));

/** The branches to choose from, with the member's own even when the directory page did not list it. */
export function branchesFor(member: Member, branches: readonly Branch[]): Branch[] {
  const known = branches.some((b) => b._id === member.branchId);
  return member.branchId === null || known ? [...branches] : [...branches, { _id: member.branchId, name: member.branchName ?? '' }];
}

/** The form of a member; `branches` must hold the member's branch (branchesFor). */
export function formOf(member: Member & { phone?: string | null }, branches: readonly Branch[]): MemberForm {
  return {
    name: member.name,
    phone: member.phone ?? '',
    branchIndex: member.branchId === null ? 0 : branches.findIndex((b) => b._id === member.branchId) + 1,
    tierIndex: member.tier === null ? 0 : TIERS.indexOf(member.tier) + 1,
    positions: Object.fromEntries(POSITIONS.map((p) => [p, member.positions.includes(p)])) as Record<Position, boolean>,
    profession: member.profession ?? '',
    socialRoles: member.socialRoles.join('、'),
  };
}

export function socialRolesOf(text: string): string[] {
  return [...new Set(text.split(/[、,，;；\n]+/).map((r) => r.trim()).filter(Boolean))];
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** The fields the form changed; an empty object when nothing did. */
export function patchOf(member: Member & { phone?: string | null }, form: MemberForm, branches: readonly Branch[]): MemberPatch {
  const patch: MemberPatch = {};
  const name = form.name.trim();
  if (name !== member.name) patch.name = name;
  const phone = form.phone.replace(/[\s-]/g, '');
  if (phone !== (member.phone ?? '')) patch.phone = phone === '' ? null : phone;
  const branchName = form.branchIndex === 0 ? null : (branches[form.branchIndex - 1]?.name ?? member.branchName);
  if (branchName !== member.branchName) patch.branch = branchName;
  const tier: Tier | null = form.tierIndex === 0 ? null : TIERS[form.tierIndex - 1];
  if (tier !== member.tier) patch.tier = tier;
  const positions = POSITIONS.filter((p) => form.positions[p]);
  if (!sameList(positions, POSITIONS.filter((p) => member.positions.includes(p)))) patch.positions = positions;
  const profession = form.profession.trim();
  if (profession !== (member.profession ?? '')) patch.profession = profession === '' ? null : profession;
  const socialRoles = socialRolesOf(form.socialRoles);
  if (!sameList(socialRoles, member.socialRoles)) patch.socialRoles = socialRoles;
  return patch;
}
