/**
 * 核销取货码, the shop keeper's desk (seeds/004 第三篇 四(五)1②: 商店超市等市场经营主体作为积分兑换点):
 * the keeper types the pickup code (or scans it where the phone can), sees what it holds (household,
 * who reserved it, reward, quantity, points, last day) and hands it over with 确认发放 on a redemption
 * day; then the desk is ready for the next code. The server refuses another day, a code already
 * collected, expired or unknown, in words shown as they come. Opened from the 积分超市 page of a
 * holder of the keeper role (S8).
 */
import type { Redemption } from '../../../typings/api';
import { call, newRequestId } from '../../services/api';
import { failureMessage, pageState } from '../../services/page-state';
import { chinaDay } from '../../format/dates';
import { deskRedemptionOf, handedOverText, typedCode, type DeskRedemptionView } from './desk-view';

const FAILED_MESSAGE = '操作失败，请稍后重试';
const messageOf = (error: unknown): string => failureMessage(error, 'shop-desk', FAILED_MESSAGE);
const CODE_LENGTH = 6;

const sessionOf = pageState(() => ({
  /** One id per handing over, so a retry after a lost answer is answered as the first (S10). */
  requestId: '',
}));

Component({
  data: {
    code: '',
    busy: false,
    message: '',
    found: null as DeskRedemptionView | null,
    done: '',
  },

  methods: {
    onCodeInput(event: WechatMiniprogram.Input) {
      this.setData({ code: typedCode(event.detail.value), message: '', found: null, done: '' });
    },

    onLookup() {
      this.lookup(this.data.code);
    },

    /** wx.scanCode where the phone has it; otherwise, or when it fails, the keeper types the code. */
    onScan() {
      if (typeof wx.scanCode !== 'function') {
        this.setData({ message: '此设备不能扫码，请直接输入取货码' });
        return;
      }
      wx.scanCode({
        onlyFromCamera: true,
        success: (result) => {
          const code = typedCode(result.result ?? '');
          this.setData({ code, found: null, done: '' });
          this.lookup(code);
        },
        fail: (error: { errMsg?: string }) => {
          if (/cancel/.test(error?.errMsg ?? '')) return;
          this.setData({ message: '扫码失败，请直接输入取货码' });
        },
      });
    },

    async lookup(code: string): Promise<void> {
      if (this.data.busy) return;
      if (code.length !== CODE_LENGTH) {
        this.setData({ message: `请输入 ${CODE_LENGTH} 位取货码`, found: null });
        return;
      }
      this.setData({ busy: true, message: '', found: null, done: '' });
      try {
        const { redemption } = await call('redeem.lookup', { code });
        sessionOf(this).requestId = newRequestId();
        this.setData({ busy: false, found: deskRedemptionOf(redemption, chinaDay()) });
      } catch (error) {
        this.setData({ busy: false, message: messageOf(error) });
      }
    },

    /** 确认发放: redeem.fulfil; the desk says what was handed over and clears for the next code. */
    async onFulfil() {
      const { found, busy } = this.data;
      if (!found || busy) return;
      this.setData({ busy: true, message: '' });
      try {
        const { redemption } = await call('redeem.fulfil', { code: found.code }, { requestId: sessionOf(this).requestId });
        this.handedOver(redemption);
      } catch (error) {
        this.setData({ busy: false, message: messageOf(error) });
      }
    },

    handedOver(redemption: Redemption) {
      this.setData({ busy: false, found: null, code: '', done: handedOverText(redemption) });
      wx.showToast({ title: '已发放', icon: 'success' });
    },

    onNext() {
      this.setData({ code: '', found: null, done: '', message: '' });
    },
  },
});
