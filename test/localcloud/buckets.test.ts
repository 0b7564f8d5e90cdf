import fc from 'fast-check';
import { Buckets, Chunked, entryAt, lowerBound, type Run } from '../../localcloud/store/buckets';

const contents = <E>(run: Run<E> | undefined): E[] => (run ? Array.from({ length: run.length }, (_, i) => entryAt(run, i)) : []);
const byNumber = (a: number, b: number) => a - b;

it('keeps a run sorted through thousands of inserts and removals, small and chunked alike', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ add: fc.boolean(), value: fc.integer({ min: 0, max: 3000 }) }), { minLength: 2500, maxLength: 6000 }),
      (ops) => {
        const buckets = new Buckets<number>(byNumber);
        const expected: number[] = [];
        for (const { add, value } of ops) {
          // Mostly inserts, so the run grows past the chunking threshold and then shrinks again.
          if (add || expected.length === 0) {
            if (expected.includes(value)) continue; // entries are unique (an index entry includes the _id)
            buckets.insert('k', value);
            expected.push(value);
          } else {
            const victim = expected[value % expected.length];
            buckets.remove('k', victim);
            expected.splice(expected.indexOf(victim), 1);
          }
        }
        expected.sort(byNumber);
        const run = buckets.get('k');
        expect(contents(run)).toEqual(expected);
        const probe = Math.floor(expected.length / 2);
        if (run && expected.length > 0) expect(lowerBound(run, (e) => e - expected[probe])).toBe(probe);
      },
    ),
    { numRuns: 20 },
  );
});

it('splits a chunk that doubles and drops a chunk that empties', () => {
  const run = new Chunked(Array.from({ length: 1024 }, (_, i) => i * 2));
  for (let i = 0; i < 1024; i++) run.insertAt(2 * i + 1, 2 * i + 1); // every odd number in its place
  expect(contents(run)).toEqual(Array.from({ length: 2048 }, (_, i) => i));
  for (let i = 0; i < 2000; i++) run.removeAt(0);
  expect(contents(run)).toEqual(Array.from({ length: 48 }, (_, i) => 2000 + i));
  for (let i = 0; i < 48; i++) run.removeAt(run.length - 1);
  expect(run.length).toBe(0);
  run.insertAt(0, 7);
  expect(contents(run)).toEqual([7]);
});

it('bulk-loads runs by leading value, plain and non-plain values apart', () => {
  const buckets = new Buckets<number>(byNumber);
  const entries = [
    ...Array.from({ length: 5000 }, (_, i) => ({ value: 'big' as unknown, entry: 5000 - i })),
    { value: null, entry: 1 },
    { value: 'null', entry: 2 },
    { value: { at: 1 }, entry: 3 },
    { value: '{"at":1}', entry: 4 },
  ];
  buckets.load(entries);
  expect(contents(buckets.get('big'))).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
  expect(contents(buckets.get(null))).toEqual([1]);
  expect(contents(buckets.get('null'))).toEqual([2]);
  expect(contents(buckets.get({ at: 1 }))).toEqual([3]);
  expect(contents(buckets.get('{"at":1}'))).toEqual([4]);
  expect([...buckets.values()].length).toBe(5);
});
