/**
 * The secretariat's edit form for one member and the patch it sends (admin.members.update): only what
 * changed, with the branch by name (the server resolves names, as the import does) and social roles
 * typed as one line separated by 、.
 */
import type { Branch, Member, MemberPatch, SchemeTerms } from '../../../typings/api';
import { rootMembers } from '../../format/terms';

export interface MemberForm {
  name: string;
  phone: string;
  /** 0: the root directly; i + 1: branches[i]. */
  branchIndex: number;
  /** 0: none; i + 1: the scheme's categories[i]. */
  tierIndex: number;
  /** Role id → held. */
  positions: Record<string, boolean>;
  profession: string;
  socialRoles: string;
}

export const branchOptions = (branches: readonly Branch[], terms: SchemeTerms): string[] => [rootMembers(terms), ...branches.map((b) => b.name)];
export const tierOptions = (terms: SchemeTerms): string[] => [`无（非${terms.words.member}）`, ...terms.categories.map((c) => c.name)];
export const positionOptions = (terms: SchemeTerms): { value: string; label: string }[] => terms.roles.map((r) => ({ value: r.id, label: r.name }));

/** The branches to choose from, with the member's own even when the directory page did not list it. */
export function branchesFor(member: Member, branches: readonly Branch[]): Branch[] {
  const known = branches.some((b) => b._id === member.branchId);
  return member.branchId === null || known ? [...branches] : [...branches, { _id: member.branchId, name: member.branchName ?? '' }];
}

/** The form of a member; `branches` must hold the member's branch (branchesFor). */
export function formOf(member: Member & { phone?: string | null }, branches: readonly Branch[], terms: SchemeTerms): MemberForm {
  return {
    name: member.name,
    phone: member.phone ?? '',
    branchIndex: member.branchId === null ? 0 : branches.findIndex((b) => b._id === member.branchId) + 1,
    tierIndex: member.category === null ? 0 : terms.categories.findIndex((c) => c.id === member.category) + 1,
    positions: Object.fromEntries(terms.roles.map((r) => [r.id, member.roles.includes(r.id)])),
    profession: member.profession ?? '',
    socialRoles: member.socialRoles.join('、'),
  };
}

export function socialRolesOf(text: string): string[] {
  return [...new Set(text.split(/[、,，;；\n]+/).map((r) => r.trim()).filter(Boolean))];
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** The fields the form changed; an empty object when nothing did. */
export function patchOf(member: Member & { phone?: string | null }, form: MemberForm, branches: readonly Branch[], terms: SchemeTerms): MemberPatch {
  const patch: MemberPatch = {};
  const name = form.name.trim();
  if (name !== member.name) patch.name = name;
  const phone = form.phone.replace(/[\s-]/g, '');
  if (phone !== (member.phone ?? '')) patch.phone = phone === '' ? null : phone;
  const branchName = form.branchIndex === 0 ? null : (branches[form.branchIndex - 1]?.name ?? member.branchName);
  if (branchName !== member.branchName) patch.branch = branchName;
  const category = form.tierIndex === 0 ? null : (terms.categories[form.tierIndex - 1]?.id ?? member.category);
  if (category !== member.category) patch.category = category;
  const roleIds = terms.roles.map((r) => r.id);
  const roles = roleIds.filter((id) => form.positions[id]);
  if (!sameList(roles, roleIds.filter((id) => member.roles.includes(id)))) patch.roles = roles;
  const profession = form.profession.trim();
  if (profession !== (member.profession ?? '')) patch.profession = profession === '' ? null : profession;
  const socialRoles = socialRolesOf(form.socialRoles);
  if (!sameList(socialRoles, member.socialRoles)) patch.socialRoles = socialRoles;
  return patch;
}
