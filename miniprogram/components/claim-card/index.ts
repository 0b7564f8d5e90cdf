/**
 * One claim in the approver's inbox: who asked, for what, how many points, the evidence, where it
 * stands and what was decided so far, with the approver's actions. The card only reports taps
 * (approve, reject, adjust, select); the page decides, so it can ask for the subscription on the tap.
 * Approve and reject are the card's two halves, a thumb's width each: a reviewer of 40 claims taps
 * down the list without aiming.
 */
import type { Claim } from '../../../typings/api';
import { claimView, isAdjustable, type ClaimView, type ClaimWords } from './claim-view';

Component({
  options: { styleIsolation: 'apply-shared' },

  properties: {
    claim: { type: Object, value: null as unknown as Claim },
    /** The template's words (claimWordsOf), from the page's inbox.list. */
    words: { type: Object, value: null as unknown as ClaimWords | null },
    /** Shows the checkbox for batch approval. */
    selectable: { type: Boolean, value: false },
    selected: { type: Boolean, value: false },
    /** Opened from a subscription message that named this claim. */
    highlighted: { type: Boolean, value: false },
    /** A decision on it is on its way. */
    busy: { type: Boolean, value: false },
    /** Why the last decision did not go through, e.g. 该申请刚被他人处理. */
    failure: { type: String, value: '' },
  },

  data: {
    view: null as ClaimView | null,
    adjustable: false,
    linesOpen: false,
  },

  observers: {
    'claim, words'(claim: Claim | null, words: ClaimWords | null) {
      if (!claim) return;
      this.setData({ view: claimView(claim, words ?? undefined), adjustable: isAdjustable(claim) });
    },
  },

  methods: {
    claimId(): string {
      return this.properties.claim._id;
    },

    onToggleLines() {
      this.setData({ linesOpen: !this.data.linesOpen });
    },

    onPreview(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.previewImage({ current: event.currentTarget.dataset.url, urls: this.data.view?.photos ?? [] });
    },

    /** The whole 88rpx square toggles the selection, not only the box drawn in it. */
    onSelect() {
      this.triggerEvent('select', { claimId: this.claimId(), selected: !this.properties.selected });
    },

    onApprove() {
      if (!this.properties.busy) this.triggerEvent('approve', { claimId: this.claimId() });
    },

    onReject() {
      if (!this.properties.busy) this.triggerEvent('reject', { claimId: this.claimId() });
    },

    onAdjust() {
      if (!this.properties.busy) this.triggerEvent('adjust', { claimId: this.claimId() });
    },
  },
});
