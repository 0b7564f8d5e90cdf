/**
 * Adding or changing a reward of the 积分超市 (shop.reward.save, for the secretariat and holders of the
 * 'shop' right; docs/rules.md S2): name, price in points, stock, who keeps it, the 财政补助 in percent
 * (S13, S23: the template's for a new reward, at most the template's); 下架 withdraws it after a
 * confirmation (its reservations' history is kept). Emits `saved` with the reward, and `close`.
 * `reward`: the reward to change, `{}` for a new one, null when closed.
 */
import type { RewardInput, RewardView } from '../../../../typings/api';
import { ApiCallError, call, newRequestId } from '../../../services/api';
import { percentOf, rewardFormOf, rewardInputOf, type RewardForm } from '../reward-form';

function messageOf(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  console.error('reward-editor: unexpected failure', error);
  return '保存失败，请稍后重试';
}

Component({
  options: { styleIsolation: 'apply-shared' },

  properties: {
    reward: { type: Object, value: null as unknown as RewardView | Record<string, never> | null },
    /** The keeper a new reward starts with: the first reward's. */
    keeper: { type: String, value: '' },
    /** The template's 财政补助 share (shop.list's `subsidyShare`): a new reward's, and the most one may have. */
    subsidyShare: { type: Number, value: 0 },
  },

  data: {
    visible: false,
    rewardId: '',
    form: null as RewardForm | null,
    saving: false,
    errorMessage: '',
    /** The most a share may be, in percent, for the field's hint. */
    shareCap: '',
  },

  observers: {
    reward(reward: RewardView | Record<string, never> | null) {
      if (!reward) {
        this.setData({ visible: false });
        return;
      }
      const existing = 'rewardId' in reward ? (reward as RewardView) : null;
      const form = rewardFormOf(existing, this.properties.keeper, this.properties.subsidyShare);
      this.setData({ visible: true, rewardId: existing?.rewardId ?? '', form, shareCap: percentOf(this.properties.subsidyShare), errorMessage: '' });
    },
  },

  methods: {
    onVisibleChange(event: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!event.detail.visible) this.triggerEvent('close');
    },

    onField(event: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: keyof RewardForm }>) {
      this.setData({ [`form.${event.currentTarget.dataset.field}`]: event.detail.value, errorMessage: '' });
    },

    async save(input: RewardInput, done: string): Promise<void> {
      if (this.data.saving) return;
      this.setData({ saving: true, errorMessage: '' });
      try {
        const { reward } = await call('shop.reward.save', input, { requestId: newRequestId() });
        wx.showToast({ title: done, icon: 'success' });
        this.triggerEvent('saved', { reward });
        this.triggerEvent('close');
      } catch (error) {
        this.setData({ errorMessage: messageOf(error) });
      } finally {
        this.setData({ saving: false });
      }
    },

    async onSave() {
      const { form, rewardId } = this.data;
      if (!form) return;
      const checked = rewardInputOf(form, rewardId || null, this.properties.subsidyShare);
      if ('error' in checked) {
        this.setData({ errorMessage: checked.error });
        return;
      }
      await this.save(checked.input, '已保存');
    },

    async onWithdraw() {
      const { form, rewardId } = this.data;
      if (!form || !rewardId) return;
      const checked = rewardInputOf(form, rewardId, this.properties.subsidyShare);
      if ('error' in checked) {
        this.setData({ errorMessage: checked.error });
        return;
      }
      const { confirm } = await wx.showModal({
        title: '下架商品',
        content: `下架“${form.name}”？下架后不能再兑换，已预约的仍可领取。`,
        confirmText: '下架',
        confirmColor: '#d83931',
      });
      if (confirm) await this.save({ ...checked.input, active: false }, '已下架');
    },
  },
});
