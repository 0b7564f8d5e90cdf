/**
 * Reconcile (SPEC §4): tallies recomputed from the ledger match after a real workload; drift put
 * into the store by hand is reported, and --fix puts back exactly what the ledger implies.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalCloud } from '../../localcloud/runtime';
import { reconcileIn } from '../../scripts/reconcile';
import type { DriftKind } from '../../server/reconcile';
import { ApiHarness } from '../support/api';
import { openidOf, standardAssociation, approveSelfReport } from '../support/fixtures';

const NOW = new Date('2026-11-21T04:00:00Z');
const CLERK = openidOf('clerk');
const REPO = path.resolve(__dirname, '..', '..');

let h: ApiHarness;
beforeEach(async () => {
  h = new ApiHarness({ now: NOW });
  standardAssociation(h);
  await workload();
});
afterEach(() => h.close());

/** Dues for three people, an approved self-report, an approved award to two members. */
async function workload(): Promise<void> {
  await h.ok(CLERK, 'admin.dues.record', { memberId: 'director', paidOn: '2026-09-15', years: 5 });
  await h.ok(CLERK, 'admin.dues.record', { memberId: 'm1', paidOn: '2025-11-02', years: 1 });
  await h.ok(CLERK, 'admin.dues.record', { memberId: 'm3', paidOn: '2026-10-20', years: 1 });
  const { claim } = await h.ok(openidOf('m1'), 'claim.submit', { itemId: 'deed.unquantified', occurredOn: '2026-11-20', points: 4, note: '助老志愿服务' });
  await approveSelfReport(h, claim._id);
}

const docs = (collection: string) => h.cloud.store.dump()[collection] ?? [];
const doc = (collection: string, id: string) => docs(collection).find((d) => d._id === id)!;

/** Damages the store the ways reconcile looks for. */
function corrupt(): void {
  h.cloud.store.commit([
    { collection: 'tallies', id: 'director:all', doc: { ...doc('tallies', 'director:all'), total: 999 } },
    { collection: 'tallies', id: 'm1:m:2026-11', doc: null },
    { collection: 'tallies', id: 'm2:y:2020', doc: { ...doc('tallies', 'm3:all'), _id: 'm2:y:2020', memberId: 'm2', key: 'y:2020', total: 7 } },
    { collection: 'tallies', id: 'director:y:2026', doc: { ...doc('tallies', 'director:y:2026'), name: '旧名字', branchId: 'b2' } },
    { collection: 'members', id: 'm3', doc: { ...doc('members', 'm3'), tallyKeys: ['all', 'y:2026', 'm:2026-10', 'm:2099-01'] } },
  ]);
}

describe('reconcile', () => {
  it('finds no drift after a workload of dues and approvals', async () => {
    const report = await reconcileIn(h.cloud);
    expect(report.drift).toEqual([]);
    expect(report.tallies).toBe(docs('tallies').length);
    expect(report.entries).toBe(docs('ledger').length);
    expect(report.entries).toBeGreaterThan(20);
  });

  it('reports each kind of drift put into the store by hand', async () => {
    corrupt();
    const { drift } = await reconcileIn(h.cloud);
    const found = drift.map((d) => [d.kind, d.memberId, d.key ?? null]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['total', 'director', 'all'],
        ['missing', 'm1', 'm:2026-11'],
        ['extra', 'm2', 'y:2020'],
        ['attributes', 'director', 'y:2026'],
        ['tallyKeys', 'm3', null],
      ]),
    );
    expect(new Set(drift.map((d) => d.kind))).toEqual(new Set<DriftKind>(['total', 'missing', 'extra', 'attributes', 'tallyKeys']));
    expect(drift).toHaveLength(5);
    expect(drift.find((d) => d.kind === 'total')).toMatchObject({ expected: 310, actual: 999 });
    expect(drift.find((d) => d.kind === 'tallyKeys')).toMatchObject({
      expected: ['all', 'm:2026-10', 'm:2026-11', 'y:2026'],
      actual: ['all', 'm:2026-10', 'm:2099-01', 'y:2026'],
    });
    expect(drift.find((d) => d.kind === 'attributes')).toMatchObject({
      expected: { name: '赵理事', branchId: 'b1' },
      actual: { name: '旧名字', branchId: 'b2' },
    });
  });

  it('reports entries of a member who does not exist as orphans and leaves them alone', async () => {
    const member = doc('members', 'm3');
    h.cloud.store.commit([{ collection: 'members', id: 'm3', doc: null }]);
    const report = await reconcileIn(h.cloud, { fix: true });
    expect(report.drift.length).toBeGreaterThan(0);
    expect(report.drift.every((d) => d.kind === 'orphan' && d.memberId === 'm3')).toBe(true);
    expect(report.fixedMembers).toBe(0);
    h.cloud.store.commit([{ collection: 'members', id: 'm3', doc: member }]);
    expect((await reconcileIn(h.cloud)).drift).toEqual([]);
  });

  it('with fix rewrites exactly what the ledger implies', async () => {
    const before = { tallies: docs('tallies'), members: docs('members') };
    corrupt();
    const report = await reconcileIn(h.cloud, { fix: true });
    expect(report.fixedMembers).toBe(4);
    expect(report.changedDuringRun).toEqual([]);
    expect((await reconcileIn(h.cloud)).drift).toEqual([]);
    expect({ tallies: docs('tallies'), members: docs('members') }).toEqual(before);
  });

  it('keeps the boards right after a fix', async () => {
    corrupt();
    await reconcileIn(h.cloud, { fix: true });
    const board = await h.ok(openidOf('m1'), 'ranking.get', { period: 'all' });
    expect(board.rows.map((r) => [r.memberId, r.total])).toEqual([
      ['director', 310],
      ['m1', 100 + 12 * 10 + 4],
      ['m3', 100 + 2 * 10],
    ]);
  });

  it('runs from npm run reconcile against a store on disk, exiting 1 on drift and 0 once fixed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reconcile-'));
    // npm and tsx keep their own files in the process's temporary folder: one that the test removes.
    const processTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reconcile-process-'));
    try {
      const writeStore = () => {
        const disk = new LocalCloud({ dir, fsync: false });
        const mutations = Object.entries(h.cloud.store.dump()).flatMap(([collection, list]) =>
          list.map((d) => ({ collection, id: d._id, doc: d })),
        );
        disk.store.commit(mutations);
        disk.close();
        h.cloud.activate();
      };
      const run = (...args: string[]) =>
        spawnSync('npm', ['run', '-s', 'reconcile', ...(args.length ? ['--', ...args] : [])], {
          cwd: REPO,
          env: { ...process.env, LOCALCLOUD_DIR: dir, TMPDIR: processTmp },
          encoding: 'utf8',
          timeout: 60_000,
        });

      writeStore();
      const clean = run();
      expect(clean.stdout).toMatch(new RegExp(`^drift=0 tallies=${docs('tallies').length} entries=${docs('ledger').length}$`, 'm'));
      expect(clean.status).toBe(0);

      fs.rmSync(dir, { recursive: true, force: true });
      corrupt();
      writeStore();
      const drifted = run();
      expect(drifted.stdout).toMatch(/^drift=5 /m);
      expect(drifted.status).toBe(1);

      const fixed = run('--fix');
      expect(fixed.stdout).toMatch(/after fix: drift=0 /);
      expect(fixed.status).toBe(0);
      expect(run().status).toBe(0);
    } finally {
      for (const folder of [dir, processTmp]) fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
