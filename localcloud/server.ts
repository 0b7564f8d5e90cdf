/**
 * Starts the local cloud: store, timers and HTTP gateway.
 *
 * Environment:
 *   PORT                 gateway port on 127.0.0.1 (default 8787)
 *   LOCALCLOUD_DIR       data folder (default .localcloud)
 *   LOCALCLOUD_FUNCTIONS functions folder (default cloudfunctions)
 *   SEED=none            start with an empty store instead of the demo association
 *   ADMIN_OPENIDS        secretariat openids, comma separated (default local-admin)
 *   LOCALCLOUD_NOW       start the clock at this ISO time; it runs on from there (clock.ts)
 */
import * as path from 'path';
import { startClockAt } from './clock';
import { createGateway, listen } from './gateway';
import { loadDemoCast, saveDemoCast, type DemoCast } from './preview';
import { LocalCloud } from './runtime';
import { startTimers } from './timers';

/** What seeding an empty store did: a summary for the console, and the people it made (GET /demo.json). */
export interface SeedOutcome {
  summary: string;
  cast: DemoCast;
}

export interface StartOptions {
  seed?: (cloud: LocalCloud) => Promise<SeedOutcome | null>;
}

export async function startLocalCloud(options: StartOptions = {}): Promise<{ cloud: LocalCloud; port: number; close(): void }> {
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  if (process.env.LOCALCLOUD_NOW) startClockAt(process.env.LOCALCLOUD_NOW);
  const dir = path.resolve(process.env.LOCALCLOUD_DIR ?? path.join(__dirname, '..', '.localcloud'));
  const cloud = new LocalCloud({
    dir,
    functionsRoot: process.env.LOCALCLOUD_FUNCTIONS ? path.resolve(process.env.LOCALCLOUD_FUNCTIONS) : undefined,
    functionEnv: { ADMIN_OPENIDS: process.env.ADMIN_OPENIDS ?? 'local-admin' },
  });
  const empty = cloud.store.collectionNames().length === 0;
  // The cast describes the store beside it: an empty store has none until it is seeded.
  let cast = empty ? null : loadDemoCast(dir);
  if (empty && process.env.SEED !== 'none' && options.seed) {
    const outcome = await options.seed(cloud);
    if (outcome) {
      console.log(outcome.summary);
      cast = outcome.cast;
    }
  }
  if (empty) saveDemoCast(dir, cast);
  const server = createGateway(cloud, { cast });
  const { port: actual } = await listen(server, { port });
  cloud.baseUrl = `http://127.0.0.1:${actual}`;
  const stopTimers = startTimers(cloud, (line) => console.log(line));
  const clock = process.env.LOCALCLOUD_NOW ? `; clock started at ${process.env.LOCALCLOUD_NOW}` : '';
  console.log(`local cloud on http://127.0.0.1:${actual} (data ${dir}; functions: ${cloud.functionNames().join(', ') || 'none'}${clock})`);
  return {
    cloud,
    port: actual,
    close() {
      stopTimers();
      server.close();
      cloud.close();
    },
  };
}

if (require.main === module) {
  startLocalCloud().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
