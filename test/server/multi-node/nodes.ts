import { PROCESS_ADMIN, spawnServer, type ServerProcess } from '../hardening/server-process';

export { PROCESS_ADMIN };

export interface Nodes {
  nodes: ServerProcess[];
  ports: number[];
  /** SIGTERM to every node still running; resolves once all exited. */
  stop: () => Promise<void>;
}

/** `count` real API processes (server/src/cli.ts) on their own ports, sharing one database. */
export async function startNodes(databaseUrl: string, count: number): Promise<Nodes> {
  // Started together on purpose: they migrate and seed under the store's startup lock.
  const nodes = await Promise.all(Array.from({ length: count }, () => spawnServer(databaseUrl)));
  return {
    nodes,
    ports: nodes.map((node) => node.port),
    stop: async () => {
      await Promise.all(nodes.map(async (node) => {
        if (node.child.exitCode === null && node.child.signalCode === null) node.child.kill('SIGTERM');
        await node.exited;
      }));
    },
  };
}
