// Which methods each known path answers, so a known path with another method gets 405 and an
// Allow header instead of a 404 that would suggest the path does not exist.
export class RouteIndex {
  private readonly routes: { pattern: RegExp; methods: Set<string> }[] = [];

  add(methods: string | readonly string[], url: string): void {
    const source = url
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    const key = `^${source}$`;
    let route = this.routes.find((candidate) => candidate.pattern.source === key);
    if (!route) {
      route = { pattern: new RegExp(key), methods: new Set() };
      this.routes.push(route);
    }
    for (const method of typeof methods === 'string' ? [methods] : methods) route.methods.add(method.toUpperCase());
  }

  /** The methods the path answers, sorted; empty when no route has this path. */
  allowed(path: string): string[] {
    const methods = new Set<string>();
    for (const route of this.routes) {
      if (route.pattern.test(path)) for (const method of route.methods) methods.add(method);
    }
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  }
}
