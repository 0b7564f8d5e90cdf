/**
 * The member directory for the secretariat (members.list): search by name, members in good standing
 * or those who left, 50 at a time with the cursor, each opening the editor. Loads on attach: it is
 * the 管理 page's first screen, and its one call. Emits `branches` for the other panels.
 */
import type { Branch, DirectoryMember, MemberStatus, SchemeTerms } from '../../../../typings/api';
import { ApiCallError, call } from '../../../services/api';
import { memberSubtitle } from '../../../format/terms';

type Status = 'loading' | 'error' | 'loaded';

interface Row extends DirectoryMember {
  summary: string;
}

const sessions = new WeakMap<object, { loads: number }>();

function sessionOf(panel: object): { loads: number } {
  let session = sessions.get(panel);
  if (!session) sessions.set(panel, (session = { loads: 0 }));
  return session;
}

function messageOf(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  console.error('members-panel: unexpected failure', error);
  return '加载失败，请稍后重试';
}

function rowOf(member: DirectoryMember, terms: SchemeTerms): Row {
  return { ...member, summary: memberSubtitle(member, terms) };
}

Component({
  options: { styleIsolation: 'apply-shared' },

  data: {
    status: 'loading' as Status,
    errorMessage: '',
    search: '',
    memberStatus: 'active' as MemberStatus,
    members: [] as Row[],
    branches: [] as Branch[],
    terms: null as SchemeTerms | null,
    cursor: null as string | null,
    loadingMore: false,
    editing: null as DirectoryMember | null,
  },

  lifetimes: {
    attached() {
      this.reload();
    },
  },

  methods: {
    async reload(): Promise<void> {
      const session = sessionOf(this);
      const thisLoad = ++session.loads;
      if (this.data.status !== 'loaded') this.setData({ status: 'loading', errorMessage: '' });
      try {
        const payload: { search?: string; status: MemberStatus } = { status: this.data.memberStatus };
        if (this.data.search.trim()) payload.search = this.data.search.trim();
        const page = await call('members.list', payload);
        if (thisLoad !== session.loads) return;
        this.setData({ status: 'loaded', members: page.members.map((m) => rowOf(m, page.terms)), branches: page.branches, terms: page.terms, cursor: page.cursor });
        this.triggerEvent('branches', { branches: page.branches, terms: page.terms });
      } catch (error) {
        if (thisLoad !== session.loads) return;
        this.setData({ status: 'error', errorMessage: messageOf(error) });
      }
    },

    async loadMore(): Promise<void> {
      const { cursor, loadingMore, status } = this.data;
      if (cursor === null || loadingMore || status !== 'loaded') return;
      this.setData({ loadingMore: true });
      try {
        const payload: { search?: string; status: MemberStatus; cursor: string } = { status: this.data.memberStatus, cursor };
        if (this.data.search.trim()) payload.search = this.data.search.trim();
        const page = await call('members.list', payload);
        this.setData({ members: [...this.data.members, ...page.members.map((m) => rowOf(m, page.terms))], cursor: page.cursor });
      } catch (error) {
        wx.showToast({ title: messageOf(error), icon: 'none' });
      } finally {
        this.setData({ loadingMore: false });
      }
    },

    onRetry() {
      this.reload();
    },

    onSearchChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ search: event.detail.value });
      // Clearing the box shows everyone again; typing waits for the search key.
      if (event.detail.value === '') this.reload();
    },

    onSearch() {
      this.setData({ status: 'loading' });
      this.reload();
    },

    onStatusFilter(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { status: MemberStatus }>) {
      const memberStatus = event.currentTarget.dataset.status;
      if (memberStatus === this.data.memberStatus) return;
      this.setData({ memberStatus, status: 'loading' });
      this.reload();
    },

    onEdit(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      this.setData({ editing: this.data.members[event.currentTarget.dataset.index] ?? null });
    },

    onEditorClose() {
      this.setData({ editing: null });
    },

    /** The edited member in place; one whose standing changed moves to the other list. */
    onSaved(event: WechatMiniprogram.CustomEvent<{ member: DirectoryMember }>) {
      const saved = event.detail.member;
      const members = this.data.members
        .map((m) => (m._id === saved._id ? rowOf(saved, this.data.terms!) : m))
        .filter((m) => m.status === this.data.memberStatus);
      this.setData({ members, editing: members.some((m) => m._id === saved._id) ? saved : null });
    },
  },
});
