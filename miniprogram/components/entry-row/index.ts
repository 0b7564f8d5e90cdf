/**
 * One ledger entry on a line: what it was for, when, and the points (红 for gains, 绿 for deductions
 * and reversals). Entries are never edited; a correction is its own reversing entry (第十七条), shown
 * with a 冲正 tag.
 */
import type { LedgerEntry } from '../../../typings/api';
import { entryViewOf, type EntryView } from './entry-view';

Component({
  options: { addGlobalClass: true },

  properties: {
    entry: { type: Object, value: null as unknown as LedgerEntry },
    /** Leaders reading a branch's ledger see whose entry it is. */
    showMember: { type: Boolean, value: false },
  },

  data: {
    view: null as EntryView | null,
  },

  observers: {
    'entry, showMember'(entry: LedgerEntry | null, showMember: boolean) {
      this.setData({ view: entryViewOf(entry, showMember) });
    },
  },
});
