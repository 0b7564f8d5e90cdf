import fc from 'fast-check';
import { compactCopy } from '../../localcloud/store/shapes';
import { Store } from '../../localcloud/store/store';

const json = fc.jsonValue({ maxDepth: 3 });

it('copies documents deeply and exactly', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), json), (doc) => {
      const copy = compactCopy(doc);
      expect(copy).toEqual(doc);
      expect(Object.keys(copy)).toEqual(Object.keys(doc)); // same key order
    }),
    { numRuns: 500 },
  );
});

it('keeps dates, regular expressions and a "__proto__" key as they are', () => {
  const at = new Date('2026-11-21T04:00:00Z');
  const doc = JSON.parse('{"__proto__": {"x": 1}, "at": 0, "list": [{"a": 1}, []]}') as Record<string, unknown>;
  doc.at = at;
  doc.pattern = /王/u;
  const copy = compactCopy(doc);
  expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  expect(Object.keys(copy)).toEqual(['__proto__', 'at', 'list', 'pattern']);
  expect(copy.at).toBe(at);
  expect(copy.pattern).toBe(doc.pattern);
  expect(copy).toEqual(doc);
  expect(copy.list).not.toBe(doc.list);
});

it('stores its own copy: changing the written object afterwards changes nothing', () => {
  const store = new Store({ dir: null });
  const doc = { _id: 'a', total: 1, lines: [{ memberId: 'm1' }] };
  store.commit([{ collection: 'tallies', id: 'a', doc }]);
  doc.total = 99;
  doc.lines[0].memberId = 'm2';
  expect(store.collection('tallies').get('a')).toEqual({ _id: 'a', total: 1, lines: [{ memberId: 'm1' }] });
});

it('keeps positions, tombstones and sequence numbers through rewrites and removals', () => {
  const store = new Store({ dir: null });
  const coll = store.collection('c');
  store.commit([{ collection: 'c', id: 'a', doc: { _id: 'a' } }, { collection: 'c', id: 'b', doc: { _id: 'b' } }]);
  const removed = store.commit([{ collection: 'c', id: 'a', doc: null }]);
  expect(coll.size).toBe(1);
  expect(coll.get('a')).toBeNull();
  expect(coll.seqOf('a')).toBe(removed);
  expect(coll.seqOf('never')).toBe(0);
  store.commit([{ collection: 'c', id: 'a', doc: { _id: 'a', again: true } }]);
  expect([...coll.documents()].map((d) => d._id)).toEqual(['a', 'b']);
  expect(coll.size).toBe(2);
});
