/**
 * The demo organisations `npm start` seeds into an empty store, one per template (SCHEME=<template>,
 * default jingmen), with what the console says about them once the local cloud is up.
 */
import { currentMonthKey, previousMonth } from '../../domain/periods';
import type { LocalCloud } from '../../localcloud/runtime';
import type { SeedOutcome } from '../../localcloud/server';
import { demoOpenid, type DemoOptions } from './api';
import { seedChangzhou } from './changzhou';
import { seedEnterprise } from './enterprise';
import { seedJingmen } from './jingmen';
import { seedPartyBranch } from './party-branch';
import { finishedHalf, seedQiuxian } from './qiuxian';
import { shanghaiDate } from '../../domain/periods';
import { seedVillage } from './village';

export { DEMO_ADMIN_OPENID, demoOpenid } from './api';
export type { DemoOptions } from './api';

export interface Demo {
  seed: (cloud: LocalCloud, options?: DemoOptions) => Promise<SeedOutcome>;
  /** Api calls worth trying first, each as [openid, action, payload]. */
  tryFirst: [string, string, object][];
  /** Who to be for the inbox in the preview's example address. */
  reviewer: string;
  /** A line on who the secretariat is. */
  secretariat: string;
}

export const DEMOS: Readonly<Record<string, Demo>> = {
  jingmen: {
    seed: seedJingmen,
    tryFirst: [
      [demoOpenid('dongbao-05'), 'me.get', {}],
      [demoOpenid('dongbao-05'), 'ranking.get', { period: 'month' }],
      [demoOpenid('president'), 'inbox.list', {}],
      [demoOpenid('dongbao-head'), 'ranking.get', { period: 'all', scope: { group: 'leaders' } }],
      [demoOpenid('clerk'), 'notice.list', {}],
    ],
    reviewer: demoOpenid('president'),
    secretariat: `${demoOpenid('clerk')} (ADMIN_OPENIDS, bound to the demo's 秘书处 member)`,
  },
  changzhou: {
    seed: seedChangzhou,
    tryFirst: [
      [demoOpenid('b1-05'), 'home.get', {}],
      [demoOpenid('b1-05'), 'ranking.get', { period: 'cycle' }],
      [demoOpenid('b1-scorekeeper'), 'inbox.list', {}],
      [demoOpenid('b1-secretary'), 'outcome.list', { period: 'cycle', key: String(new Date().getFullYear() - 1) }],
      [demoOpenid('b1-committee'), 'inbox.list', {}],
    ],
    reviewer: demoOpenid('b1-scorekeeper'),
    secretariat: `${demoOpenid('clerk')} (ADMIN_OPENIDS, bound to the demo's 组织干事)`,
  },
  'party-branch': {
    seed: seedPartyBranch,
    tryFirst: [
      [demoOpenid('b1-04'), 'home.get', {}],
      [demoOpenid('b1-04'), 'ranking.get', { period: 'cycle' }],
      [demoOpenid('b1-scorekeeper'), 'inbox.list', {}],
      [demoOpenid('b1-secretary'), 'outcome.list', { period: 'cycle', key: String(new Date().getFullYear() - 1) }],
      [demoOpenid('b2-committee'), 'inbox.list', {}],
    ],
    reviewer: demoOpenid('b1-scorekeeper'),
    secretariat: `${demoOpenid('clerk')} (ADMIN_OPENIDS, bound to the demo's 党务专干)`,
  },
  qiuxian: {
    seed: seedQiuxian,
    tryFirst: [
      [demoOpenid('xinli-05'), 'home.get', {}],
      [demoOpenid('xinli-05'), 'ranking.get', { period: 'quarter', by: 'unit' }],
      [demoOpenid('xinli-head'), 'inbox.list', {}],
      [demoOpenid('clerk'), 'outcome.list', { period: 'half', key: finishedHalf(shanghaiDate(new Date())).key }],
      [demoOpenid('president'), 'bottom.list', { period: 'half', key: finishedHalf(shanghaiDate(new Date())).key }],
    ],
    reviewer: demoOpenid('xinli-head'),
    secretariat: `${demoOpenid('clerk')} (ADMIN_OPENIDS, bound to the demo's 秘书处 clerk)`,
  },
  enterprise: {
    seed: seedEnterprise,
    tryFirst: [
      [demoOpenid('zc1-05'), 'home.get', {}],
      [demoOpenid('zc1-05'), 'ranking.get', { period: 'month' }],
      [demoOpenid('gm'), 'inbox.list', {}],
      [demoOpenid('clerk'), 'admin.negatives.list', { month: previousMonthKey() }],
      [demoOpenid('zc1-manager'), 'inbox.list', {}],
    ],
    reviewer: demoOpenid('gm'),
    secretariat: `${demoOpenid('clerk')} (ADMIN_OPENIDS, bound to the demo's 人力资源部 staff)`,
  },
  village: {
    seed: seedVillage,
    tryFirst: [
      [demoOpenid('h1-03'), 'home.get', {}],
      [demoOpenid('h1-03'), 'ranking.get', { period: 'all' }],
      [demoOpenid('leader1'), 'inbox.list', {}],
      [demoOpenid('secretary'), 'outcome.list', { period: 'quarter', key: `${new Date().getFullYear() - 1}-Q2` }],
    ],
    reviewer: demoOpenid('leader1'),
    secretariat: `${demoOpenid('clerk')} (ADMIN_OPENIDS, bound to the demo's 文书)`,
  },
};

/** Last month in Shanghai, for the month-end list worth trying first. */
function previousMonthKey(): string {
  return previousMonth(currentMonthKey(new Date()));
}

/** The demo of a template; refuses a name that is none, listing those there are. */
export function demoOf(template: string): Demo {
  const demo = Object.prototype.hasOwnProperty.call(DEMOS, template) ? DEMOS[template] : undefined;
  if (!demo) throw new Error(`localcloud: no template "${template}" (SCHEME); there are ${Object.keys(DEMOS).join(', ')}`);
  return demo;
}
