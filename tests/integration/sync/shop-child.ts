/**
 * A shop backend in its own process, syncing until nothing waits (process-kill tests).
 * `node --import tsx shop-child.ts <dataDir>`; env SHOP_CHILD_PAGE sets the pull page size.
 */
import { openBackend } from '../../../src/core';
import { syncEngineOf } from '../../../src/core/sync/engine';

const dataDir = process.argv[2]!;
const backend = openBackend({ dataDir, sync: { autoStart: false, pullPageSize: Number(process.env.SHOP_CHILD_PAGE ?? 500), batchMaxEntries: Number(process.env.SHOP_CHILD_BATCH ?? 2000), requestTimeoutMs: 10_000 } });
const engine = syncEngineOf(backend.services);
process.stdout.write('CHILD-READY\n');
for (let i = 0; i < 20; i++) {
  await engine.runNow();
  const st = await engine.status('en');
  if (st.waiting === 0 && !st.lastError) {
    process.stdout.write(`CHILD-SYNCED ${st.ackedSeq} ${st.pullCursor}\n`);
    await backend.close();
    process.exit(0);
  }
  process.stdout.write(`CHILD-RETRY ${st.lastError?.code ?? ''} ${st.waiting}\n`);
  await new Promise((r) => setTimeout(r, 100));
}
process.exit(3);
