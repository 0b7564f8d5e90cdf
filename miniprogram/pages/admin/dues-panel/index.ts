/**
 * Recording dues (admin.dues.record, 第五条): the member, the day paid and one year or a whole
 * five-year term. The server credits the position points the payment covers.
 */
import type { DataOf, DirectoryMember } from '../../../../typings/api';
import { ApiCallError, call, newRequestId } from '../../../services/api';
import { chinaDay } from '../../../format/dates';

const sessions = new WeakMap<object, { requestId: string | null }>();

function sessionOf(panel: object) {
  let session = sessions.get(panel);
  if (!session) sessions.set(panel, (session = { requestId: null }));
  return session;
}

function summaryOf(member: DirectoryMember, result: DataOf<'admin.dues.record'>): string {
  const points = result.entries.reduce((sum, entry) => sum + entry.points, 0);
  const credited = result.entries.length > 0 ? `，已计入 ${result.entries.length} 条职务积分共 ${points} 分` : '，职务积分将按月计入';
  return `已记录 ${member.name} 的会费：${result.dues.fromMonth} 至 ${result.dues.toMonth}${credited}`;
}

Component({
  options: { styleIsolation: 'apply-shared' },

  data: {
    member: null as DirectoryMember | null,
    today: chinaDay(),
    paidOn: chinaDay(),
    years: 1 as 1 | 5,
    sending: false,
    errorMessage: '',
    done: '',
  },

  methods: {
    reset(changes: Record<string, unknown>) {
      sessionOf(this).requestId = null;
      this.setData({ ...changes, errorMessage: '', done: '' });
    },

    onPick(event: WechatMiniprogram.CustomEvent<{ member: DirectoryMember }>) {
      this.reset({ member: event.detail.member });
    },

    onClear() {
      this.reset({ member: null });
    },

    onDateChange(event: WechatMiniprogram.PickerChange) {
      this.reset({ paidOn: String(event.detail.value) });
    },

    onYears(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { years: number }>) {
      this.reset({ years: Number(event.currentTarget.dataset.years) === 5 ? 5 : 1 });
    },

    async onRecord() {
      const { member, paidOn, years, sending } = this.data;
      if (sending) return;
      if (!member) {
        this.setData({ errorMessage: '请先选择会员' });
        return;
      }
      const { confirm } = await wx.showModal({
        title: '记录会费',
        content: `${member.name}，${paidOn} 缴纳${years === 5 ? '整届（5年）' : '1年'}会费？`,
        confirmText: '记录',
      });
      if (!confirm) return;
      const session = sessionOf(this);
      session.requestId = session.requestId ?? newRequestId();
      this.setData({ sending: true, errorMessage: '' });
      try {
        const result = await call('admin.dues.record', { memberId: member._id, paidOn, years }, { requestId: session.requestId });
        session.requestId = null;
        this.setData({ done: summaryOf(member, result), member: null });
      } catch (error) {
        if (!(error instanceof ApiCallError && error.code === 'INTERNAL')) session.requestId = null;
        if (!(error instanceof ApiCallError)) console.error('dues-panel: unexpected failure', error);
        this.setData({ errorMessage: error instanceof ApiCallError ? error.message : '记录失败，请稍后重试' });
      } finally {
        this.setData({ sending: false });
      }
    },
  },
});
