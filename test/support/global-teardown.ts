import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__EMBEDDED_TEST_DATABASE__?.stop();
  if (globalThis.__PEERMATCH_TEST_RUN_DIR__) {
    await rm(globalThis.__PEERMATCH_TEST_RUN_DIR__, { recursive: true, force: true });
  }
}
