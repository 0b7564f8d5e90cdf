/**
 * Indexed queries answer exactly what a full scan answers, and read only the documents they return.
 */
import fc from 'fast-check';
import { DatabaseService } from '../../localcloud/store/database';
import { ejson } from '../../localcloud/store/ejson';
import { Store } from '../../localcloud/store/store';
import type { IndexSpec } from '../../localcloud/store/indexes';

const BOARD_TAIL = [
  { field: 'total', direction: -1 },
  { field: 'name', direction: 1 },
  { field: 'memberId', direction: 1 },
] as const;

const INDEXES: IndexSpec[] = [
  { name: 'board', keys: [{ field: 'key', direction: 1 }, { field: 'status', direction: 1 }, ...BOARD_TAIL] },
  { name: 'branch', keys: [{ field: 'key', direction: 1 }, { field: 'status', direction: 1 }, { field: 'branchId', direction: 1 }, ...BOARD_TAIL] },
  { name: 'role', keys: [{ field: 'key', direction: 1 }, { field: 'status', direction: 1 }, { field: 'socialRoles', direction: 1 }, ...BOARD_TAIL] },
];

const tally = fc.record({
  memberId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  key: fc.constantFrom('all', 'm:2026-10', 'm:2026-11'),
  status: fc.constantFrom('active', 'active', 'left'),
  branchId: fc.constantFrom('b1', 'b2', null),
  socialRoles: fc.subarray(['人大代表', '政协委员']),
  total: fc.integer({ min: -5, max: 40 }),
  name: fc.constantFrom('甲', '乙', '丙'),
});

function stores(docs: { _id: string }[]): [DatabaseService, DatabaseService] {
  const indexed = new Store({ dir: null });
  for (const spec of [INDEXES]) indexed.defineIndexes('tallies', spec);
  const plain = new Store({ dir: null });
  for (const store of [indexed, plain]) store.commit(docs.map((doc) => ({ collection: 'tallies', id: doc._id, doc })));
  return [new DatabaseService(indexed), new DatabaseService(plain)];
}

const get = (db: DatabaseService, query: object, limit: number) =>
  db.handle('database.getDocument', {
    collectionName: 'tallies',
    queryType: 'WHERE',
    query: ejson.stringify(query),
    order: ejson.stringify({ total: -1, name: 1, memberId: 1 }),
    limit,
  }) as { data: { list: string[] } };

const count = (db: DatabaseService, query: object) =>
  (db.handle('database.calculateDocument', { collectionName: 'tallies', queryType: 'WHERE', query: ejson.stringify(query) }) as {
    data: { total: number };
  }).data.total;

it('answers boards and counts exactly as a full scan does', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(tally, { selector: (t) => `${t.memberId}:${t.key}`, maxLength: 24 }),
      fc.constantFrom('all', 'm:2026-10', 'm:2026-11'),
      fc.option(fc.constantFrom('b1', 'b2'), { nil: undefined }),
      fc.option(fc.constantFrom('人大代表', '政协委员'), { nil: undefined }),
      fc.integer({ min: 1, max: 10 }),
      fc.integer({ min: -5, max: 40 }),
      (tallies, key, branchId, socialRole, limit, above) => {
        const docs = tallies.map((t) => ({ ...t, _id: `${t.memberId}:${t.key}` }));
        const [indexed, plain] = stores(docs);
        const filter: Record<string, unknown> = { key, status: 'active' };
        if (branchId) filter.branchId = branchId;
        else if (socialRole) filter.socialRoles = socialRole;
        expect(get(indexed, filter, limit).data.list).toEqual(get(plain, filter, limit).data.list);
        const higher = { ...filter, total: { $gt: above } };
        expect(count(indexed, higher)).toBe(count(plain, higher));
      },
    ),
    { numRuns: 300 },
  );
});

it('reads only the rows a board returns, and no document for a count', () => {
  const docs = Array.from({ length: 5000 }, (_, i) => ({
    _id: `m${i}:all`,
    memberId: `m${i}`,
    key: 'all',
    status: 'active',
    branchId: `b${i % 20}`,
    socialRoles: [],
    total: i % 997,
    name: `会员${i}`,
  }));
  const [indexed] = stores(docs);
  indexed.resetStats();
  const rows = get(indexed, { key: 'all', status: 'active', branchId: 'b3' }, 50).data.list;
  expect(rows).toHaveLength(50);
  expect(indexed.stats.examined).toBe(50);
  expect(count(indexed, { key: 'all', status: 'active', total: { $gt: 900 } })).toBe(docs.filter((d) => d.total > 900).length);
  expect(indexed.stats.examined).toBe(50);
});

it('keeps indexes in step with updates and removals', () => {
  const store = new Store({ dir: null });
  store.defineIndexes('tallies', INDEXES);
  const db = new DatabaseService(store);
  const put = (id: string, total: number) =>
    store.commit([{ collection: 'tallies', id, doc: { _id: id, memberId: id, key: 'all', status: 'active', name: id, total, socialRoles: [] } }]);
  put('a', 5);
  put('b', 10);
  put('a', 20);
  store.commit([{ collection: 'tallies', id: 'b', doc: null }]);
  put('c', 1);
  const ids = get(db, { key: 'all', status: 'active' }, 10).data.list.map((text) => (ejson.parse(text) as { _id: string })._id);
  expect(ids).toEqual(['a', 'c']);
});

it('serves a range on the leading key (occurredOn between two dates) like a scan', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), points: fc.integer({ min: 1, max: 50 }) }), { maxLength: 40 }),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1, max: 28 }),
      (rows, a, b) => {
        const docs = rows.map((row, i) => ({ _id: `e${i}`, occurredOn: `2026-11-${String(row.day).padStart(2, '0')}`, points: row.points }));
        const indexed = new Store({ dir: null });
        indexed.defineIndexes('ledger', [{ name: 'occurred', keys: [{ field: 'occurredOn', direction: 1 }] }]);
        const plain = new Store({ dir: null });
        for (const store of [indexed, plain]) store.commit(docs.map((doc) => ({ collection: 'ledger', id: doc._id, doc })));
        const [lo, hi] = [Math.min(a, b), Math.max(a, b)].map((d) => `2026-11-${String(d).padStart(2, '0')}`);
        const query = ejson.stringify({ occurredOn: { $gte: lo, $lte: hi } });
        const ask = (db: DatabaseService) =>
          (db.handle('database.getDocument', { collectionName: 'ledger', queryType: 'WHERE', query, limit: 1000 }) as {
            data: { list: string[] };
          }).data.list.sort();
        const indexedDb = new DatabaseService(indexed);
        const answer = ask(indexedDb);
        expect(answer).toEqual(ask(new DatabaseService(plain)));
        // Served by the index: it read exactly the entries in range.
        expect(indexedDb.stats.examined).toBe(answer.length);
      },
    ),
    { numRuns: 200 },
  );
});

it('answers $in lists and conditions the index does not cover exactly as a full scan does', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(tally, { selector: (t) => `${t.memberId}:${t.key}`, maxLength: 24 }),
      fc.array(fc.constantFrom('b1', 'b2'), { minLength: 1, maxLength: 4 }), // repeats too
      fc.option(fc.constantFrom('甲', '乙'), { nil: undefined }),
      fc.integer({ min: 1, max: 10 }),
      (tallies, branches, name, limit) => {
        const docs = tallies.map((t) => ({ ...t, _id: `${t.memberId}:${t.key}` }));
        const [indexed, plain] = stores(docs);
        const filter: Record<string, unknown> = { key: 'all', status: 'active', branchId: { $in: branches } };
        if (name) filter.name = name; // not in any index: checked on each candidate
        expect(get(indexed, filter, limit).data.list).toEqual(get(plain, filter, limit).data.list);
        expect(count(indexed, filter)).toBe(count(plain, filter));
      },
    ),
    { numRuns: 300 },
  );
});

it('serves boards like a scan when a bucket is long enough to be chunked, through updates and removals', () => {
  const rnd = ((seed) => () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32)(7);
  const member = (i: number) => `m${String(i).padStart(5, '0')}`;
  const docOf = (i: number) => ({
    _id: `${member(i)}:all`,
    memberId: member(i),
    key: 'all',
    status: rnd() < 0.9 ? 'active' : 'left',
    branchId: rnd() < 0.5 ? 'b1' : 'b2',
    socialRoles: [],
    total: Math.floor(rnd() * 300),
    name: '甲乙丙'[Math.floor(rnd() * 3)],
  });
  const [indexed, plain] = stores(Array.from({ length: 6000 }, (_, i) => docOf(i)));
  // 3,000 updates (each a removal and an insertion in every index) and 300 removals after the bulk load.
  const writes = [
    ...Array.from({ length: 3000 }, () => docOf(Math.floor(rnd() * 6000))),
    ...Array.from({ length: 300 }, () => ({ _id: `${member(Math.floor(rnd() * 6000))}:all`, remove: true })),
  ];
  for (const db of [indexed, plain]) {
    for (const w of writes) db.store.commit([{ collection: 'tallies', id: w._id, doc: 'remove' in w ? null : w }]);
  }
  for (const filter of [{ key: 'all', status: 'active' }, { key: 'all', status: 'active', branchId: 'b2' }, { key: 'all', status: 'left' }]) {
    expect(get(indexed, filter, 1000).data.list).toEqual(get(plain, filter, 1000).data.list);
    expect(count(indexed, filter)).toBe(count(plain, filter));
  }
  // A page deep in the board (offset), and the index-only count of totals above a value.
  const deep = (db: DatabaseService) =>
    (db.handle('database.getDocument', {
      collectionName: 'tallies',
      queryType: 'WHERE',
      query: ejson.stringify({ key: 'all', status: 'active' }),
      order: ejson.stringify({ total: -1, name: 1, memberId: 1 }),
      offset: 4000,
      limit: 100,
    }) as { data: { list: string[] } }).data.list;
  expect(deep(indexed)).toEqual(deep(plain));
  expect(count(indexed, { key: 'all', status: 'active', total: { $gt: 150 } })).toBe(count(plain, { key: 'all', status: 'active', total: { $gt: 150 } }));
});
