/**
 * The changzhou phase of `npm run bench`: a 机关党委 of 100,000 党员 in 100 支部 with a year of
 * monthly records, its boards (the year by score, quarters by points) and the close of a quarter for
 * the whole organisation, in resumable batches of the real `api` function, each under its limit.
 *
 * The template is adopted through the api; members and their tallies are written in bulk, each
 * tally exactly as posting makes it (applyEntry over the member's records, monthly caps and parts
 * included). Only the tallies the measured calls read are kept: the year's score (cycle), the
 * quarters and all time, not the months and the calendar year; nor the ledger itself. This phase
 * runs before the 荆门 one, whose store would not leave room for a second under the heap ceiling.
 */
import * as fs from 'fs';
import * as path from 'path';
import { periodKeyOf } from '../domain/calendar';
import { applyEntry, type TallyFigures } from '../domain/posting';
import { CHANGZHOU_SCHEME } from '../domain/schemes/changzhou';
import { postedLine, storedTally } from '../server/data/ledger';
import type { StoredMember } from '../server/data/members';
import { loadIndexes, LocalCloud } from '../localcloud/runtime';
import type { Mutation } from '../localcloud/store/store';
import { expectOk, measure, median, memory, percentile, random, REPO, sampleBoard } from './bench-support';

const NOW = new Date('2026-11-21T04:00:00Z');
const ADMIN = 'bench-admin';
const UNITS = 100;
const BOARD_ROWS = 50;
const SEED_BATCH = 20_000;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
/** The tally keys the measured calls read: the cycle's, the quarters', all time's. */
const KEPT = /^(c:|q:|all$)/;

const memberId = (i: number) => `p${String(i).padStart(6, '0')}`;
const unitId = (u: number) => `u${String(u).padStart(3, '0')}`;

/** Each month's records of one member: 学习强国 and 每日一题 most months, meetings, a few misses, some 特色. */
function monthLines(month: string, rnd: () => number): { itemId: string; points: number; occurredOn: string }[] {
  const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
  const lines: { itemId: string; points: number; occurredOn: string }[] = [];
  if (rnd() < 0.9) lines.push({ itemId: 'study.xuexi', points: 10, occurredOn: day(28) });
  if (rnd() < 0.7) lines.push({ itemId: 'study.quiz', points: 10, occurredOn: day(28) });
  if (rnd() < 0.8) lines.push({ itemId: 'life.party_day', points: 5, occurredOn: day(10) });
  if (rnd() < 0.2) lines.push({ itemId: 'study.xuexi_missed', points: -0.5 * (1 + Math.floor(rnd() * 4)), occurredOn: day(28) });
  if (rnd() < 0.15) lines.push({ itemId: 'feature.volunteer', points: 5, occurredOn: day(15) });
  return lines;
}

/** Adopts the template through the api, then writes 100,000 members and their tallies in bulk. */
async function seed(cloud: LocalCloud, members: number): Promise<void> {
  expectOk(await cloud.invoke('api', { action: 'admin.scheme.adopt', payload: { template: 'changzhou' } }, { openid: ADMIN }), 'admin.scheme.adopt');
  const scheme = CHANGZHOU_SCHEME;
  const rnd = random(20260101);
  const batch: Mutation[] = [];
  const flush = () => {
    cloud.store.commit(batch);
    batch.length = 0;
  };
  const put = <T extends { _id: string }>(collection: string, doc: T) => {
    batch.push({ collection, id: doc._id, doc } as Mutation);
    if (batch.length >= SEED_BATCH) flush();
  };
  for (let u = 0; u < UNITS; u++) put('branches', { _id: unitId(u), name: `第${u + 1}党支部` });
  const at = '2025-12-01T00:00:00.000Z';
  const months = Array.from({ length: 11 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`);
  for (let i = 0; i < members; i++) {
    const u = i % UNITS;
    const rank = Math.floor(i / UNITS);
    const member: StoredMember = {
      _id: memberId(i),
      name: SURNAMES[i % SURNAMES.length] + String(i),
      branchId: unitId(u),
      branchName: `第${u + 1}党支部`,
      category: i % 10 === 9 ? 'probationary' : 'full',
      roles: rank === 0 ? ['branch_secretary', 'branch_committee'] : rank === 1 ? ['scorekeeper'] : [],
      profession: null,
      socialRoles: [],
      status: 'active',
      secretariat: false,
      phone: null,
      openid: `bench-${memberId(i)}`,
      inviteCode: `P${String(i).padStart(7, '0')}`,
      tallyKeys: [],
      createdAt: at,
      updatedAt: at,
    };
    const figures = new Map<string, TallyFigures | null>();
    for (const month of months) {
      for (const record of monthLines(month, rnd)) {
        for (const [key, next] of applyEntry(postedLine(record, scheme), figures, scheme)) figures.set(key, next);
      }
    }
    for (const [key, next] of figures) {
      if (!KEPT.test(key)) continue;
      put('tallies', storedTally(member, key, next!, scheme));
      member.tallyKeys.push(key);
    }
    put('members', member);
  }
  flush();
  loadIndexes(cloud.store, path.join(REPO, 'deploy', 'database.json'));
}

export interface ChangzhouFigures {
  boardP50Ms: number;
  docsReadPerBoard: number;
  closeInvocations: number;
  closeMaxMs: number;
}

export async function changzhouPhase(root: string, members: number, runs: number): Promise<ChangzhouFigures> {
  const cloud = new LocalCloud({ dir: null, functionsRoot: root, manifest: null, functionEnv: { ADMIN_OPENIDS: ADMIN } });
  cloud.db.now = () => new Date(NOW);
  const started = Date.now();
  await seed(cloud, members);
  console.log(`\nchangzhou: seeded ${members} 党员 in ${UNITS} 支部 with their tallies of 2026 in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  (globalThis as { gc?: () => void }).gc?.();
  memory('after seeding changzhou');

  const caller = `bench-${memberId(members - 3)}`;
  const quarter = periodKeyOf('quarter', '2026-11-21', CHANGZHOU_SCHEME.calendar);
  const boards = [
    { label: 'cycle/whole (score)', payload: { period: 'cycle', key: '2026' } },
    { label: 'cycle/unit (score)', payload: { period: 'cycle', key: '2026', scope: { branchId: unitId(7) } } },
    { label: 'quarter/whole', payload: { period: 'quarter', key: quarter } },
    { label: 'quarter/unit', payload: { period: 'quarter', key: quarter, scope: { branchId: unitId(7) } } },
  ];
  const all: number[] = [];
  let docsMax = 0;
  console.log('board                  p50 ms   p95 ms  reqs  docs read');
  for (const board of boards) {
    const { samples, rows } = await sampleBoard(cloud, { ...board.payload, limit: BOARD_ROWS }, caller, runs);
    // The rows, the caller's own tally, and the adopted template's one scheme document.
    const docs = Math.max(...samples.map((s) => s.examined));
    if (docs > rows + 2) throw new Error(`changzhou ${board.label}: read ${docs} documents for ${rows} rows`);
    docsMax = Math.max(docsMax, docs);
    all.push(...samples.map((s) => s.ms));
    const ms = samples.map((s) => s.ms);
    console.log(`${board.label.padEnd(22)} ${median(ms).toFixed(2).padStart(6)} ${percentile(ms, 0.95).toFixed(2).padStart(8)} ${String(Math.max(...samples.map((s) => s.requests))).padStart(5)} ${String(docs).padStart(6)}/${rows + 2}`);
  }

  // The quarter that ended before today, closed for the whole organisation by the secretariat.
  const closed = periodKeyOf('quarter', '2026-08-15', CHANGZHOU_SCHEME.calendar);
  const limitMs = JSON.parse(fs.readFileSync(path.join(REPO, 'cloudfunctions', 'api', 'config.json'), 'utf8')).timeout * 1000;
  const times: number[] = [];
  let drafted = 0;
  for (;;) {
    const sample = await measure(cloud, 'api', { action: 'admin.period.close', payload: { period: 'quarter', key: closed } }, ADMIN);
    const result = expectOk<{ done: boolean; publication: { drafted: number } }>(sample.result, 'admin.period.close');
    times.push(sample.ms);
    if (sample.ms > limitMs) throw new Error(`quarter close invocation ${times.length} took ${sample.ms.toFixed(0)} ms, over ${limitMs} ms`);
    drafted = result.publication.drafted;
    if (result.done) break;
    if (times.length > 1000) throw new Error('quarter close did not finish in 1000 invocations');
  }
  if (drafted !== members) throw new Error(`quarter close drafted ${drafted} rows for ${members} 党员`);
  console.log(
    `quarter close ${closed}: ${drafted} rows in ${times.length} invocations, p50 ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms ` +
      `(limit ${limitMs / 1000} s), ${(times.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s in all`,
  );
  memory('after the changzhou phase');
  cloud.close();
  return { boardP50Ms: median(all), docsReadPerBoard: docsMax, closeInvocations: times.length, closeMaxMs: Math.max(...times) };
}
