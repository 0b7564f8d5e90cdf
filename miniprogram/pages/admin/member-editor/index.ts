/**
 * Editing one member (admin.members.update): branch, tier, positions, profession and social roles;
 * 退会 (status left, 第十七条: their ledger is kept) and a reset of the WeChat binding, each confirmed.
 * A household (docs/rules.md H9, H20) shows each of its people with their code and resets them one by one.
 * Emits `saved` with the updated member and invite code, and `close`.
 */
import type { Branch, DirectoryMember, MemberPatch, SchemeTerms } from '../../../../typings/api';
import type { HouseholdHolder } from '../../../../typings/models';
import { ApiCallError, call, newRequestId } from '../../../services/api';
import { branchesFor, branchOptions, formOf, patchOf, positionOptions, tierOptions, type MemberForm } from '../member-form';
import { categoryColumn } from '../roster-table';

function messageOf(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  console.error('member-editor: unexpected failure', error);
  return '保存失败，请稍后重试';
}

Component({
  options: { styleIsolation: 'apply-shared' },

  properties: {
    member: { type: Object, value: null as unknown as DirectoryMember },
    branches: { type: Array, value: [] as Branch[] },
    terms: { type: Object, value: null as unknown as SchemeTerms },
  },

  data: {
    visible: false,
    labels: { unit: '分会', category: '档次' },
    form: null as MemberForm | null,
    branchList: [] as Branch[],
    branchNames: [] as string[],
    tierNames: [] as string[],
    positionList: [] as { value: string; label: string }[],
    inviteCode: '',
    household: false,
    holders: [] as HouseholdHolder[],
    saving: false,
    errorMessage: '',
  },

  observers: {
    member(member: DirectoryMember | null) {
      if (!member) {
        this.setData({ visible: false });
        return;
      }
      const terms = this.properties.terms as SchemeTerms;
      const branchList = branchesFor(member, this.properties.branches);
      this.setData({
        visible: true,
        branchList,
        branchNames: branchOptions(branchList, terms),
        tierNames: tierOptions(terms),
        labels: { unit: terms.words.unit, category: categoryColumn(terms.words.category) },
        positionList: positionOptions(terms),
        form: formOf(member, branchList, terms),
        inviteCode: member.inviteCode ?? '',
        household: member.kind === 'household',
        holders: member.holders ?? [],
        errorMessage: '',
      });
    },
  },

  methods: {
    onVisibleChange(event: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!event.detail.visible) this.triggerEvent('close');
    },

    onField(event: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: keyof MemberForm }>) {
      this.setData({ [`form.${event.currentTarget.dataset.field}`]: event.detail.value });
    },

    onBranchChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ 'form.branchIndex': Number(event.detail.value) });
    },

    onTierChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ 'form.tierIndex': Number(event.detail.value) });
    },

    onPosition(event: WechatMiniprogram.CustomEvent<{ checked: boolean }, Record<string, never>, { position: string }>) {
      this.setData({ [`form.positions.${event.currentTarget.dataset.position}`]: event.detail.checked });
    },

    async update(patch: MemberPatch, done: string, holders?: (inviteCode: string) => HouseholdHolder[]): Promise<boolean> {
      const member = this.properties.member as DirectoryMember | null;
      if (!member || this.data.saving) return false;
      this.setData({ saving: true, errorMessage: '' });
      try {
        const result = await call('admin.members.update', { memberId: member._id, patch }, { requestId: newRequestId() });
        // A household's answer names its people without their codes: the editor keeps them, with the reset one's new code.
        const people = holders ? holders(result.inviteCode) : this.data.holders;
        const saved: DirectoryMember = { ...member, ...result.member };
        if (member.kind === 'household') Object.assign(saved, { holders: people, bound: people.some((h) => h.bound) });
        else saved.inviteCode = result.inviteCode;
        this.setData(member.kind === 'household' ? { holders: people } : { inviteCode: result.inviteCode });
        wx.showToast({ title: done, icon: 'success' });
        this.triggerEvent('saved', { member: saved, patch });
        return true;
      } catch (error) {
        this.setData({ errorMessage: messageOf(error) });
        return false;
      } finally {
        this.setData({ saving: false });
      }
    },

    async onSave() {
      const member = this.properties.member as DirectoryMember | null;
      const form = this.data.form;
      if (!member || !form) return;
      const patch = patchOf(member, form, this.data.branchList, this.properties.terms as SchemeTerms);
      if (Object.keys(patch).length === 0) {
        this.setData({ errorMessage: '没有修改' });
        return;
      }
      if (await this.update(patch, '已保存')) this.triggerEvent('close');
    },

    async onLeave() {
      const member = this.properties.member as DirectoryMember | null;
      if (!member) return;
      const leaving = member.status === 'active';
      const { confirm } = await wx.showModal({
        title: leaving ? '办理退会' : '恢复会籍',
        content: leaving ? `确认 ${member.name} 退会？退会后不再参与排名，已有积分记录保留。` : `确认恢复 ${member.name} 的会籍？`,
        confirmText: leaving ? '退会' : '恢复',
        confirmColor: leaving ? '#d83931' : '#c8102e',
      });
      if (!confirm) return;
      if (await this.update({ status: leaving ? 'left' : 'active' }, leaving ? '已退会' : '已恢复')) this.triggerEvent('close');
    },

    async onResetBinding() {
      const member = this.properties.member as DirectoryMember | null;
      if (!member) return;
      const { confirm } = await wx.showModal({
        title: '重置绑定',
        content: `解除 ${member.name} 当前绑定的微信，并生成新的邀请码？`,
        confirmText: '重置',
      });
      if (confirm) await this.update({ resetBinding: true }, '已重置');
    },

    async onResetHolder(event: WechatMiniprogram.BaseEvent<Record<string, never>, { index: number }>) {
      const holder = this.data.holders[event.currentTarget.dataset.index];
      if (!holder) return;
      const { confirm } = await wx.showModal({
        title: '重置绑定',
        content: `解除 ${holder.name} 当前绑定的微信，并为其生成新的邀请码？户内其他成员的绑定不变。`,
        confirmText: '重置',
      });
      if (!confirm) return;
      const reset = (inviteCode: string) => this.data.holders.map((h) => (h.name === holder.name ? { ...h, bound: false, inviteCode } : h));
      await this.update({ resetHolder: holder.name }, '已重置', reset);
    },

    onCopyHolder(event: WechatMiniprogram.BaseEvent<Record<string, never>, { index: number }>) {
      const holder = this.data.holders[event.currentTarget.dataset.index];
      if (holder?.inviteCode) wx.setClipboardData({ data: `${holder.name} ${holder.inviteCode}` });
    },

    onCopyInvite() {
      const member = this.properties.member as DirectoryMember | null;
      if (member && this.data.inviteCode) wx.setClipboardData({ data: `${member.name} ${this.data.inviteCode}` });
    },
  },
});
