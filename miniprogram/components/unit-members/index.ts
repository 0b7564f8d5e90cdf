/**
 * A unit's members to tick off (第十五条 集体事件: a meeting's attendance list): pick a unit (分会,
 * 支部), see its active members, find a name within the list, tick people one by one or all at once.
 * The page keeps who is chosen (`selectedIds`); this list says what was ticked (pick) and unticked
 * (unpick). Nothing is fetched until the list is opened, so the page's first screen stays one call;
 * a unit of up to 200 is one call (members.list pages of 200).
 */
import type { DataOf, DirectoryMember } from '../../../typings/api';
import { call } from '../../services/api';
import { failureMessage, pageState } from '../../services/page-state';
import { hasAccount } from '../../format/terms';

const PAGE_SIZE = 200;
/** The most a list shows: five pages. Beyond it the name search finds the rest. */
const MOST_LISTED = 1000;
const FAILED_MESSAGE = '名单加载失败，请稍后重试';

interface Unit {
  /** '' for the whole organisation. */
  id: string;
  name: string;
}

interface Row {
  _id: string;
  name: string;
  note: string;
  selected: boolean;
  excluded: boolean;
}

interface Session {
  members: DirectoryMember[];
  /** Each load counts; an answer to an older one is dropped when the unit changed meanwhile. */
  loads: number;
}

const sessionOf = pageState<Session>(() => ({ members: [], loads: 0 }));

Component({
  options: { styleIsolation: 'apply-shared' },

  properties: {
    /** The people chosen so far, from this list or any other way. */
    selectedIds: { type: Array, value: [] as string[] },
    /** People who cannot be chosen (the caller, who may not award themselves). */
    excludeIds: { type: Array, value: [] as string[] },
    unitWord: { type: String, value: '分会' },
    memberWord: { type: String, value: '会员' },
    /** The whole organisation's name in a list of units (全会, 全部). */
    whole: { type: String, value: '全会' },
  },

  data: {
    visible: false,
    units: [] as Unit[],
    unitIndex: 0,
    /** A unit's leader lists their own unit only. */
    limited: false,
    filter: '',
    rows: [] as Row[],
    listed: 0,
    chosenHere: 0,
    selectable: 0,
    allChosen: false,
    loading: false,
    errorMessage: '',
    truncated: false,
  },

  observers: {
    'selectedIds, excludeIds, filter'() {
      this.showRows();
    },
  },

  methods: {
    onOpen() {
      this.setData({ visible: true });
      if (this.data.units.length === 0 && !this.data.loading) this.load('');
    },

    onVisibleChange(event: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      this.setData({ visible: event.detail.visible });
    },

    onClose() {
      this.setData({ visible: false });
    },

    onRetry() {
      this.load(this.data.units[this.data.unitIndex]?.id ?? '');
    },

    onUnitChange(event: WechatMiniprogram.PickerChange) {
      const unitIndex = Number(event.detail.value);
      this.setData({ unitIndex, filter: '' });
      this.load(this.data.units[unitIndex]?.id ?? '');
    },

    /** Every active member of the unit ('' for all the caller may list), page by page up to MOST_LISTED. */
    async load(unitId: string): Promise<void> {
      const session = sessionOf(this);
      const thisLoad = ++session.loads;
      session.members = [];
      this.setData({ loading: true, errorMessage: '', truncated: false });
      this.showRows();
      try {
        const members: DirectoryMember[] = [];
        let cursor: string | null = null;
        do {
          const page: DataOf<'members.list'> = await call('members.list', { status: 'active', limit: PAGE_SIZE, ...(unitId ? { branchId: unitId } : {}), ...(cursor ? { cursor } : {}) });
          if (thisLoad !== session.loads) return;
          if (this.data.units.length === 0) this.useUnits(page.branches, page.unitId);
          // Points go to accounts only.
          members.push(...page.members.filter(hasAccount));
          cursor = page.cursor;
        } while (cursor && members.length < MOST_LISTED);
        session.members = members;
        this.setData({ truncated: cursor !== null });
      } catch (error) {
        if (thisLoad === session.loads) this.setData({ errorMessage: failureMessage(error, 'unit-members', FAILED_MESSAGE) });
      } finally {
        if (thisLoad === session.loads) {
          this.setData({ loading: false });
          this.showRows();
        }
      }
    },

    /** The units to choose from: the caller's own alone, or the whole organisation and each unit. */
    useUnits(branches: { _id: string; name: string }[], ownUnit: string | undefined) {
      if (ownUnit) {
        const own = branches.find((b) => b._id === ownUnit);
        this.setData({ limited: true, units: [{ id: ownUnit, name: own?.name ?? `本${this.data.unitWord}` }], unitIndex: 0 });
      } else {
        this.setData({ limited: false, units: [{ id: '', name: this.data.whole }, ...branches.map((b) => ({ id: b._id, name: b.name }))], unitIndex: 0 });
      }
    },

    showRows() {
      const { selectedIds, excludeIds, filter, units, unitIndex } = this.data;
      const selected = new Set(selectedIds);
      const excluded = new Set(excludeIds);
      const wholeList = units[unitIndex]?.id === '';
      const wanted = filter.trim();
      const members = sessionOf(this).members;
      const rows: Row[] = members
        .filter((m) => !wanted || m.name.includes(wanted))
        .map((m) => ({
          _id: m._id,
          name: m.name,
          note: excluded.has(m._id) ? '本人' : wholeList ? (m.branchName ?? '') : '',
          selected: selected.has(m._id),
          excluded: excluded.has(m._id),
        }));
      const selectable = rows.filter((r) => !r.excluded);
      const chosenHere = selectable.filter((r) => r.selected).length;
      this.setData({
        rows,
        listed: members.length,
        chosenHere,
        selectable: selectable.length,
        allChosen: selectable.length > 0 && chosenHere === selectable.length,
      });
    },

    onFilter(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ filter: String(event.detail.value ?? '') });
    },

    onToggle(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const row = this.data.rows.find((r) => r._id === event.currentTarget.dataset.id);
      if (!row || row.excluded) return;
      if (row.selected) this.triggerEvent('unpick', { memberIds: [row._id] });
      else this.triggerEvent('pick', { members: sessionOf(this).members.filter((m) => m._id === row._id) });
    },

    /** Ticks every person shown (the names found, when searching), or unticks them when all are ticked. */
    onSelectAll() {
      const shown = this.data.rows.filter((r) => !r.excluded);
      if (shown.length === 0) return;
      if (this.data.allChosen) {
        this.triggerEvent('unpick', { memberIds: shown.map((r) => r._id) });
        return;
      }
      const wanted = new Set(shown.filter((r) => !r.selected).map((r) => r._id));
      this.triggerEvent('pick', { members: sessionOf(this).members.filter((m) => wanted.has(m._id)) });
    },
  },
});
