/**
 * One person's 固定积分 attributes (seeds/004 五、1: 学历, 职称, 职务, 技能, 工龄, 特长) for HR, opened
 * from a row of 出勤录入: a picker per attribute, each value with its monthly points, the month's
 * points they give, saved with admin.attributes.set (the roster import sets them for many at once).
 * `saved` carries { memberId, attributes, monthly } as the server answered; `close` asks the page to
 * hide the sheet.
 */
import type { SchemeTerms } from '../../../../typings/api';
import { call, newRequestId } from '../../../services/api';
import { failureMessage } from '../../../services/page-state';
import { attributeFieldsOf, monthlyPointsOf, type AttributeField } from '../attendance-view';

const FAILED_MESSAGE = '保存失败，请稍后重试';

Component({
  options: { styleIsolation: 'apply-shared' },

  properties: {
    visible: { type: Boolean, value: false },
    memberId: { type: String, value: '' },
    name: { type: String, value: '' },
    /** The values on file, attribute id → value id. */
    attributes: { type: Object, value: {} as Record<string, string> },
    terms: { type: Object, value: null as SchemeTerms | null },
  },

  data: {
    fields: [] as AttributeField[],
    chosen: {} as Record<string, string>,
    monthlyText: '',
    error: '',
    saving: false,
  },

  observers: {
    visible(visible: boolean) {
      if (visible) this.show({ ...(this.properties.attributes as Record<string, string>) });
    },
  },

  methods: {
    show(chosen: Record<string, string>) {
      const terms = this.properties.terms as SchemeTerms | null;
      if (!terms) return;
      this.setData({ chosen, fields: attributeFieldsOf(chosen, terms), monthlyText: `每月 ${monthlyPointsOf(chosen, terms)} 分`, error: '' });
    },

    onPick(event: WechatMiniprogram.PickerChange) {
      const terms = this.properties.terms as SchemeTerms | null;
      const attribute = terms?.fixedPoints?.attributes.find((a) => a.id === event.currentTarget.dataset.attribute);
      const value = attribute?.values[Number(event.detail.value)];
      if (!attribute || !value) return;
      this.show({ ...this.data.chosen, [attribute.id]: value.id });
    },

    async onSave() {
      if (this.data.saving) return;
      this.setData({ saving: true, error: '' });
      try {
        const rows = [{ memberId: this.properties.memberId as string, attributes: this.data.chosen }];
        const { members } = await call('admin.attributes.set', { rows }, { requestId: newRequestId() });
        this.triggerEvent('saved', { memberId: members[0].memberId, attributes: members[0].attributes, monthly: members[0].monthly });
      } catch (error) {
        this.setData({ error: failureMessage(error, 'attributes-sheet', FAILED_MESSAGE) });
      } finally {
        this.setData({ saving: false });
      }
    },

    onVisibleChange(event: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!event.detail.visible) this.triggerEvent('close');
    },
  },
});
