/**
 * Snapshot isolation in the store itself: whatever commits interleave, a transaction reads the store
 * as it was when it started, and only the first writer of a document may commit it.
 */
import fc from 'fast-check';
import { Store, type Doc } from '../../localcloud/store/store';
import { TransactionManager } from '../../localcloud/store/transactions';

const doc = (id: string, value: number): Doc => ({ _id: id, value });
const IDS = ['a', 'b', 'c'];

type Step =
  | { kind: 'start' }
  | { kind: 'commitOutside'; id: string; value: number | null }
  | { kind: 'read'; tx: number; id: string }
  | { kind: 'end'; tx: number; commit: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ kind: 'start' } as const),
  fc.record({ kind: fc.constant('commitOutside' as const), id: fc.constantFrom(...IDS), value: fc.option(fc.integer({ min: 0, max: 99 })) }),
  fc.record({ kind: fc.constant('read' as const), tx: fc.nat(5), id: fc.constantFrom(...IDS) }),
  fc.record({ kind: fc.constant('end' as const), tx: fc.nat(5), commit: fc.boolean() }),
);

describe('snapshot reads', () => {
  it('show every transaction the store as it started, through any interleaving of commits', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const store = new Store({ dir: null });
        const manager = new TransactionManager(store);
        const open: { id: string; seen: Record<string, unknown> }[] = [];
        const current = (): Record<string, unknown> => Object.fromEntries(IDS.map((id) => [id, store.collection('d').get(id)?.value ?? null]));
        for (const s of steps) {
          if (s.kind === 'start') open.push({ id: manager.start().id, seen: current() });
          if (s.kind === 'commitOutside') store.commit([{ collection: 'd', id: s.id, doc: s.value === null ? null : doc(s.id, s.value) }]);
          const tx = open[s.kind === 'read' || s.kind === 'end' ? s.tx : -1];
          if (!tx) continue;
          if (s.kind === 'read') expect(manager.get(tx.id)!.get('d', s.id)?.value ?? null).toBe(tx.seen[s.id]);
          if (s.kind === 'end') {
            if (s.commit) manager.commit(tx.id);
            else manager.abort(tx.id);
            open.splice(open.indexOf(tx), 1);
          }
        }
        for (const tx of open) manager.abort(tx.id);
        // Once no transaction is open, no earlier version is kept.
        expect(store.history.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('write conflicts', () => {
  let store: Store;
  let manager: TransactionManager;
  beforeEach(() => {
    store = new Store({ dir: null });
    manager = new TransactionManager(store);
    store.commit([{ collection: 'd', id: 'a', doc: doc('a', 1) }]);
  });

  it('lets the first writer commit and refuses the second, though the second committed first', () => {
    const first = manager.start();
    const second = manager.start();
    first.write('d', 'a', doc('a', 2));
    second.write('d', 'a', doc('a', 3));
    expect(manager.commit(second.id)).toBe('conflict');
    expect(manager.commit(first.id)).toBe('committed');
    expect(store.collection('d').get('a')).toEqual(doc('a', 2));
  });

  it('releases the locks of a transaction that conflicted, so two crossing writers do not both fail', () => {
    store.commit([{ collection: 'd', id: 'b', doc: doc('b', 1) }]);
    const one = manager.start();
    const two = manager.start();
    one.write('d', 'a', doc('a', 10));
    two.write('d', 'b', doc('b', 20));
    one.write('d', 'b', doc('b', 11)); // two holds b: one conflicts and lets go of a
    two.write('d', 'a', doc('a', 21));
    expect(manager.commit(one.id)).toBe('conflict');
    expect(manager.commit(two.id)).toBe('committed');
    expect(store.dump().d.map((d) => d.value)).toEqual([21, 20]);
  });

  it('refuses to commit over a document committed after the snapshot, writing nothing', () => {
    const tx = manager.start();
    tx.write('d', 'new', doc('new', 1));
    store.commit([{ collection: 'd', id: 'a', doc: doc('a', 5) }]);
    tx.write('d', 'a', doc('a', 6));
    expect(manager.commit(tx.id)).toBe('conflict');
    expect(store.dump().d).toEqual([doc('a', 5)]);
  });

  it('answers gone for a transaction that ended', () => {
    const tx = manager.start();
    expect(manager.commit(tx.id)).toBe('committed');
    expect(manager.commit(tx.id)).toBe('gone');
    expect(manager.abort(tx.id)).toBe(false);
  });
});
