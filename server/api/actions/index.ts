/**
 * The action table: every action of the contract (typings/api.ts), each loaded when it is first
 * called. A cold start loads the router and the one action it runs (its module, its schemas, zod),
 * not the other thirty: the bundler keeps each required module behind its own initialiser.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type { ActionName } from '../../../typings/api';
import type { ActionDef } from '../action';

type Loaders = { [A in ActionName]: () => ActionDef<A> };

const me = () => require('./me') as typeof import('./me');
const claims = () => require('./claims') as typeof import('./claims');
const review = () => require('./review') as typeof import('./review');
const boards = () => require('./boards') as typeof import('./boards');
const corrections = () => require('./corrections') as typeof import('./corrections');
const periods = () => require('./periods') as typeof import('./periods');
const outcomes = () => require('./outcomes') as typeof import('./outcomes');
const admin = () => require('./admin') as typeof import('./admin');
const reminders = () => require('./reminders') as typeof import('./reminders');
const vetoes = () => require('./vetoes') as typeof import('./vetoes');
const personnel = () => require('./personnel') as typeof import('./personnel');
const negatives = () => require('./negatives') as typeof import('./negatives');
const shop = () => require('./shop') as typeof import('./shop');
const redeem = () => require('./redeem') as typeof import('./redeem');

const LOADERS: Loaders = {
  'me.get': () => me().meGet,
  'me.bind': () => me().meBind,
  'home.get': () => me().homeGet,
  'members.list': () => (require('./directory') as typeof import('./directory')).membersList,
  'catalog.get': () => claims().catalogGet,
  'claim.submit': () => claims().claimSubmit,
  'claim.withdraw': () => claims().claimWithdraw,
  'claim.get': () => claims().claimGet,
  'claim.mine': () => claims().claimMine,
  'award.propose': () => (require('./awards') as typeof import('./awards')).awardPropose,
  'entry.reverse': () => corrections().entryReverse,
  'entry.correct': () => corrections().entryCorrect,
  'inbox.list': () => review().inboxList,
  'claim.decide': () => review().claimDecide,
  'ranking.get': () => boards().rankingGet,
  'ranking.scopes': () => boards().rankingScopes,
  'ledger.list': () => boards().ledgerList,
  'notice.list': () => boards().noticeList,
  'admin.members.import': () => admin().adminMembersImport,
  'admin.members.update': () => admin().adminMembersUpdate,
  'admin.dues.record': () => admin().adminDuesRecord,
  'admin.dues.list': () => admin().adminDuesList,
  'admin.dues.void': () => admin().adminDuesVoid,
  'admin.scheme.publish': () => admin().adminSchemePublish,
  'admin.scheme.adopt': () => admin().adminSchemeAdopt,
  'admin.period.close': () => periods().adminPeriodClose,
  'admin.period.publish': () => periods().adminPeriodPublish,
  'admin.period.finalize': () => periods().adminPeriodFinalize,
  'outcome.list': () => outcomes().outcomeList,
  'objection.submit': () => outcomes().objectionSubmit,
  'item.propose': () => (require('./unit-items') as typeof import('./unit-items')).itemPropose,
  'admin.export': () => admin().adminExport,
  'reminder.list': () => reminders().reminderList,
  'reminder.record': () => reminders().reminderRecord,
  'veto.propose': () => vetoes().vetoPropose,
  'veto.list': () => vetoes().vetoList,
  'bottom.list': () => (require('./bottom') as typeof import('./bottom')).bottomList,
  'admin.attributes.set': () => personnel().adminAttributesSet,
  'admin.attendance.record': () => personnel().adminAttendanceRecord,
  'admin.attendance.get': () => personnel().adminAttendanceGet,
  'admin.negatives.list': () => negatives().adminNegativesList,
  'admin.reprieve.record': () => negatives().adminReprieveRecord,
  'shop.list': () => shop().shopList,
  'shop.reward.save': () => shop().shopRewardSave,
  'redeem.request': () => redeem().redeemRequest,
  'redeem.fulfil': () => redeem().redeemFulfil,
  'redeem.cancel': () => redeem().redeemCancel,
  'redeem.mine': () => redeem().redeemMine,
  'redeem.lookup': () => redeem().redeemLookup,
  'shop.export': () => (require('./shop-export') as typeof import('./shop-export')).shopExport,
};

export const ACTION_NAMES = Object.keys(LOADERS) as ActionName[];

export const isAction = (name: string): name is ActionName => Object.prototype.hasOwnProperty.call(LOADERS, name);

const loaded = new Map<ActionName, ActionDef<ActionName>>();

/** The action's definition, its module loaded on first use and the definition kept for the next call. */
export function actionOf<A extends ActionName>(name: A): ActionDef<A> {
  let def = loaded.get(name) as ActionDef<A> | undefined;
  if (!def) {
    def = LOADERS[name]();
    loaded.set(name, def as unknown as ActionDef<ActionName>);
  }
  return def;
}
