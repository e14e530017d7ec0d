import { rm } from 'node:fs/promises';
import type { Runtime } from '../../src/neo4j/runtime';

/** Stops the test Neo4j and removes its folder: nothing of the run is left behind. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__TEST_NEO4J__ as
    { runtime: Runtime; home: string } | undefined;
  if (!state) return;
  await state.runtime.local?.stop();
  await rm(state.home, { recursive: true, force: true });
}
