/**
 * `npm start`: builds the cloud functions, then serves them from the local cloud (SPEC §3). An empty
 * store is seeded with the demo association (scripts/seed-demo.ts) unless SEED=none.
 */
import { buildFunctions } from './build';
import { seedDemo, demoOpenid } from './seed-demo';
import { startLocalCloud } from '../localcloud/server';

async function main(): Promise<void> {
  const built = await buildFunctions();
  console.log(`built ${built.map((fn) => fn.name).join(', ')}`);
  const { port } = await startLocalCloud({ seed: (cloud) => seedDemo(cloud) });
  const url = `http://127.0.0.1:${port}`;
  const call = (openid: string, body: object) =>
    `  curl -s ${url}/api/api -H 'Content-Type: application/json' -H 'X-Openid: ${openid}' -d '${JSON.stringify(body)}'`;
  console.log(
    [
      '',
      'Try it (X-Openid is the caller; the demo association has these people):',
      call(demoOpenid('dongbao-05'), { action: 'me.get' }),
      call(demoOpenid('dongbao-05'), { action: 'ranking.get', payload: { period: 'month' } }),
      call(demoOpenid('president'), { action: 'inbox.list', payload: {} }),
      call(demoOpenid('dongbao-head'), { action: 'ranking.get', payload: { period: 'all', scope: { group: 'leaders' } } }),
      call(demoOpenid('clerk'), { action: 'notice.list' }),
      `  curl -s ${url}/health`,
      '',
      `Secretariat: ${demoOpenid('clerk')} (ADMIN_OPENIDS, bound to the demo's 秘书处 member). Ctrl-C stops.`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  // The local cloud's own refusals (a damaged store) are sentences for the person starting it.
  const message = (error as Error)?.message ?? String(error);
  console.error(message.startsWith('localcloud:') ? message : error);
  process.exit(1);
});
