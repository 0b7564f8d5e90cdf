/**
 * `npm run reconcile [-- --fix]`: recomputes every tally of the local cloud's store from the ledger
 * and reports drift (server/reconcile.ts). Prints `drift=0 tallies=N entries=M`; exits 1 on drift
 * (with --fix: on drift that remains after fixing).
 *
 * Environment: LOCALCLOUD_DIR, the data folder (default .localcloud). Stop `npm start` first or run
 * when the store is quiet: the store's journal has one writer.
 */
import * as path from 'path';
import { LocalCloud } from '../localcloud/runtime';
import { runWithEnv, wxContextEnv } from '../localcloud/identity';
import { reconcile, summarize, type ReconcileOptions, type ReconcileReport } from '../server/reconcile';

/** Runs reconcile inside the local cloud, with the environment a cloud function instance would see. */
export function reconcileIn(cloud: LocalCloud, options: ReconcileOptions = {}): Promise<ReconcileReport> {
  cloud.activate();
  return runWithEnv({ ...cloud.functionEnv, ...wxContextEnv({}, cloud.env) }, () => reconcile(options));
}

async function main(argv: string[]): Promise<number> {
  const fix = argv.includes('--fix');
  const dir = path.resolve(process.env.LOCALCLOUD_DIR ?? path.join(__dirname, '..', '.localcloud'));
  const cloud = new LocalCloud({ dir });
  try {
    const report = await reconcileIn(cloud, { fix });
    console.log(summarize(report));
    if (!fix || report.drift.length === 0) return report.drift.length === 0 ? 0 : 1;
    console.log(`fixed ${report.fixedMembers} member(s)${report.changedDuringRun.length ? `, ${report.changedDuringRun.length} changed during the run` : ''}`);
    const after = await reconcileIn(cloud);
    console.log(`after fix: ${summarize(after)}`);
    return after.drift.length === 0 ? 0 : 1;
  } finally {
    cloud.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}
