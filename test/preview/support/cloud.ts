/**
 * A fresh local cloud for one preview suite: a temporary data folder, the demo association seeded
 * through the real api (as `npm start` does), the gateway on a free port serving the preview.
 * close() stops it and removes the folder.
 */
import * as fs from 'fs';
import type { Server } from 'http';
import * as os from 'os';
import * as path from 'path';
import { createGateway, listen } from '../../../localcloud/gateway';
import type { DemoCast } from '../../../localcloud/preview';
import { LocalCloud } from '../../../localcloud/runtime';
import { seedDemo } from '../../../scripts/seed-demo';

export interface PreviewCloud {
  url: string;
  cloud: LocalCloud;
  cast: DemoCast;
  close(): Promise<void>;
}

export async function startPreviewCloud(): Promise<PreviewCloud> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-cloud-'));
  const cloud = new LocalCloud({ dir, functionEnv: { ADMIN_OPENIDS: 'local-admin' } });
  let server: Server | null = null;
  try {
    const { cast } = await seedDemo(cloud);
    server = createGateway(cloud, { cast });
    const { port } = await listen(server, { port: 0 });
    cloud.baseUrl = `http://127.0.0.1:${port}`;
    const running = server;
    return {
      url: cloud.baseUrl,
      cloud,
      cast,
      async close() {
        await new Promise<void>((resolve) => {
          running.closeAllConnections();
          running.close(() => resolve());
        });
        cloud.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    server?.close();
    cloud.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
