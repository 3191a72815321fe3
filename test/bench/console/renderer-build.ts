import setup from '../../e2e/support/global-setup';

let build: Promise<void> | undefined;

/** out/ fresh from `npm run build` and the page bridge, as the e2e suite has them, once per bench run. */
export function ensureRendererBuild(): Promise<void> {
  build ??= setup();
  return build;
}
