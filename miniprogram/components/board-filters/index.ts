/**
 * The 排行 page's filters (第十六条: boards by branch, 职级, profession and social role): a bottom
 * sheet offering the values that exist (ranking.scopes, asked the first time it opens): every unit,
 * the template's categories, and the professions and social roles members hold, each with how many
 * hold it. Nothing is typed, so nothing fails to match.
 *
 *   <board-filters visible="{{filtersVisible}}" terms="{{terms}}" scope="{{scope}}" bind:choose="onFilter" bind:close="onFiltersClose" />
 *
 * `choose` carries { scope, branchName }; `close` fires when the sheet is dismissed.
 */
import type { BoardChoices, BoardScope, SchemeTerms } from '../../../typings/api';
import { call } from '../../services/api';
import { failureMessage } from '../../services/page-state';

type Kind = 'branch' | 'category' | 'profession' | 'socialRole';

interface Option {
  value: string;
  label: string;
  note: string;
  on: boolean;
}

interface Section {
  kind: Kind;
  title: string;
  options: Option[];
}

function sectionsOf(choices: BoardChoices | null, terms: SchemeTerms | null, scope: BoardScope): Section[] {
  if (!choices || !terms) return [];
  const category = scope.category ?? scope.tier;
  const sections: Section[] = [
    {
      kind: 'branch',
      title: terms.words.unit,
      options: choices.units.map((u) => ({ value: u.unitId, label: u.name, note: `${u.members} 人`, on: scope.branchId === u.unitId })),
    },
  ];
  if (terms.boards.categories && terms.categories.length > 1) {
    sections.push({
      kind: 'category',
      title: terms.words.category,
      options: terms.categories.map((c) => ({ value: c.id, label: c.name, note: '', on: category === c.id })),
    });
  }
  const facet = (kind: 'profession' | 'socialRole', title: string, values: BoardChoices['professions']) => {
    if (!terms.boards.facets.includes(kind) || values.length === 0) return;
    sections.push({ kind, title, options: values.map((v) => ({ value: v.value, label: v.value, note: `${v.members} 人`, on: scope[kind] === v.value })) });
  };
  facet('profession', '职业', choices.professions);
  facet('socialRole', '社会职务', choices.socialRoles);
  return sections.filter((section) => section.options.length > 0);
}

Component({
  properties: {
    visible: { type: Boolean, value: false },
    terms: { type: Object, value: null as unknown as SchemeTerms },
    scope: { type: Object, value: {} as BoardScope },
  },

  data: {
    status: 'loading' as 'loading' | 'error' | 'loaded',
    errorMessage: '',
    choices: null as BoardChoices | null,
    sections: [] as Section[],
  },

  observers: {
    visible(visible: boolean) {
      if (visible && this.data.status !== 'loaded') this.load();
    },
    'terms, scope'(terms: SchemeTerms | null, scope: BoardScope) {
      this.setData({ sections: sectionsOf(this.data.choices, terms, scope ?? {}) });
    },
  },

  methods: {
    async load() {
      this.setData({ status: 'loading', errorMessage: '' });
      try {
        const choices = await call('ranking.scopes', {});
        this.setData({ status: 'loaded', choices, sections: sectionsOf(choices, this.data.terms, this.data.scope ?? {}) });
      } catch (error) {
        this.setData({ status: 'error', errorMessage: failureMessage(error, 'ranking', '筛选项加载失败，请稍后重试') });
      }
    },

    onChoose(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { kind: Kind; value: string; label: string }>) {
      const { kind, value, label } = event.currentTarget.dataset;
      const scope: BoardScope = kind === 'branch' ? { branchId: value } : kind === 'category' ? { category: value } : { [kind]: value };
      this.triggerEvent('choose', { scope, branchName: kind === 'branch' ? label : '' });
    },

    onClose() {
      this.triggerEvent('close');
    },

    /** Taps inside the sheet stay in it (the mask behind closes it). */
    onSheetTap() {},
  },
});
