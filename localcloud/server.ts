/**
 * Starts the local cloud: store, timers and HTTP gateway.
 *
 * Environment:
 *   PORT                 gateway port on 127.0.0.1 (default 8787)
 *   LOCALCLOUD_DIR       data folder (default .localcloud)
 *   LOCALCLOUD_FUNCTIONS functions folder (default cloudfunctions)
 *   SCHEME               the template an empty store adopts, and whose demo it is seeded with
 *                        (jingmen by default; changzhou, enterprise)
 *   SEED=none            start with an empty store instead of the demo organisation
 *   ADMIN_OPENIDS        secretariat openids, comma separated (default local-admin)
 *   LOCALCLOUD_NOW       start the clock at this ISO time; it runs on from there (clock.ts)
 */
import * as path from 'path';
import type { ApiResult } from '../typings/api';
import { DEFAULT_TEMPLATE } from '../domain/schemes';
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
  /** Seeds an empty store (the template's demo); it adopts its template itself. */
  seed?: (cloud: LocalCloud) => Promise<SeedOutcome | null>;
  /** The template an empty store adopts when it is not seeded (SEED=none). */
  template?: string;
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
  } else if (empty && options.template && options.template !== DEFAULT_TEMPLATE) {
    await adopt(cloud, options.template);
  }
  if (!empty && options.template && cast && cast.scheme !== options.template) {
    console.log(`note: the store in ${dir} runs the ${cast.scheme} template; SCHEME applies to an empty store (LOCALCLOUD_DIR=<new folder>)`);
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

/** Adopts a template as the first administrator, as a secretary would on a new deployment. */
async function adopt(cloud: LocalCloud, template: string): Promise<void> {
  const admin = (cloud.functionEnv.ADMIN_OPENIDS ?? '').split(',')[0].trim();
  const result = (await cloud.invoke('api', { action: 'admin.scheme.adopt', payload: { template } }, { openid: admin })) as ApiResult<unknown>;
  if (!result.ok) throw new Error(`localcloud: the store cannot adopt the ${template} template: ${result.error.message}`);
  console.log(`adopted the ${template} template`);
}

if (require.main === module) {
  startLocalCloud().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
