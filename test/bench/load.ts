import autocannon from 'autocannon';

export type LoadRun = {
  requestsPerSecond: number;
  total: number;
  statusCounts: Record<string, number>;
  /** Socket errors, timeouts and body mismatches (not HTTP statuses). */
  transportErrors: number;
  /** Socket errors and timeouts by error code. */
  errorKinds: Record<string, number>;
  latencyP99Ms: number;
};

export type LoadOptions = {
  url: string;
  path: string;
  seconds: number;
  connections?: number;
  headers?: Record<string, string>;
  /** A sequence each connection cycles through; overrides path/headers. */
  requests?: { path: string; headers?: Record<string, string> }[];
};

/** autocannon over loopback, in this process (the server runs in another). */
export async function load(options: LoadOptions): Promise<LoadRun> {
  const instance = autocannon({
    url: `${options.url}${options.path}`,
    connections: options.connections ?? 10,
    duration: options.seconds,
    pipelining: 1,
    timeout: 10,
    headers: options.headers ?? {},
    ...(options.requests ? { requests: options.requests.map((r) => ({ method: 'GET', path: r.path, headers: r.headers ?? {} })) } : {}),
  });
  const errorKinds: Record<string, number> = {};
  instance.on('reqError', (error: Error & { code?: string }) => {
    const kind = error.code ?? error.message;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  });
  const result = await instance;
  const statusCounts = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]));
  const total = Object.values(statusCounts).reduce((sum, count) => sum + count, 0);
  return {
    requestsPerSecond: total / result.duration,
    total,
    statusCounts,
    transportErrors: result.errors + result.timeouts + result.mismatches,
    errorKinds,
    latencyP99Ms: result.latency.p99,
  };
}

/** Every answer had the expected status: a run that measured something else is refused. */
export function expectOnly(run: LoadRun, status: number, what: string): void {
  const other = Object.entries(run.statusCounts).filter(([code]) => Number(code) !== status);
  if (other.length > 0 || run.transportErrors > 0 || run.total === 0) {
    throw new Error(`${what}: expected only ${status}, got ${JSON.stringify(run.statusCounts)} and ${run.transportErrors} transport errors.`);
  }
}
