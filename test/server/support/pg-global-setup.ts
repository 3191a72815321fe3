import type { TestProject } from 'vitest/node';
import { startPgCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the `postgres` database of this run's cluster; tests create their own databases. */
    pgAdminUrl: string;
  }
}

// One cluster per test run (cluster start is the slow part); every server gets its own
// database in it.
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPgCluster();
  project.provide('pgAdminUrl', cluster.url('postgres'));
  return () => cluster.stop();
}
