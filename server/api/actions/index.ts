/**
 * The action table: every action of the contract (typings/api.ts) with its schema and handler.
 */
import type { ActionTable } from '../action';
import { homeGet, meBind, meGet } from './me';
import { membersList } from './directory';
import { catalogGet, claimGet, claimMine, claimSubmit, claimWithdraw } from './claims';
import { awardPropose } from './awards';
import { entryCorrect, entryReverse } from './corrections';
import { claimDecide, inboxList } from './review';
import { ledgerList, noticeList, rankingGet } from './boards';
import { adminPeriodClose, adminPeriodFinalize, adminPeriodPublish } from './periods';
import { objectionSubmit, outcomeList } from './outcomes';
import { itemPropose } from './unit-items';
import { adminDuesList, adminDuesRecord, adminDuesVoid, adminExport, adminMembersImport, adminMembersUpdate, adminSchemeAdopt, adminSchemePublish } from './admin';

export const ACTIONS: ActionTable = {
  'me.get': meGet,
  'me.bind': meBind,
  'home.get': homeGet,
  'members.list': membersList,
  'catalog.get': catalogGet,
  'claim.submit': claimSubmit,
  'claim.withdraw': claimWithdraw,
  'claim.get': claimGet,
  'claim.mine': claimMine,
  'award.propose': awardPropose,
  'entry.reverse': entryReverse,
  'entry.correct': entryCorrect,
  'inbox.list': inboxList,
  'claim.decide': claimDecide,
  'ranking.get': rankingGet,
  'ledger.list': ledgerList,
  'notice.list': noticeList,
  'admin.members.import': adminMembersImport,
  'admin.members.update': adminMembersUpdate,
  'admin.dues.record': adminDuesRecord,
  'admin.dues.list': adminDuesList,
  'admin.dues.void': adminDuesVoid,
  'admin.scheme.publish': adminSchemePublish,
  'admin.scheme.adopt': adminSchemeAdopt,
  'admin.period.close': adminPeriodClose,
  'admin.period.publish': adminPeriodPublish,
  'admin.period.finalize': adminPeriodFinalize,
  'outcome.list': outcomeList,
  'objection.submit': objectionSubmit,
  'item.propose': itemPropose,
  'admin.export': adminExport,
};
