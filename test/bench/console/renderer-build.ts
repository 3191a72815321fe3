import setup from '../../e2e/support/global-setup';

let build: Promise<void> | undefined;

/** The production renderer bundle and the page bridge, built once per bench run (as the e2e suite builds them). */
export function ensureRendererBuild(): Promise<void> {
  build ??= setup();
  return build;
}
