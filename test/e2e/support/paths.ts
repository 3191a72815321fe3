import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const E2E_BUILD_DIR = fileURLToPath(new URL('../../../test-results/e2e-build/', import.meta.url));
// What `npm run build` writes and the packaged app loads: the only renderer the suite serves.
export const RENDERER_BUILD_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));
export const PAGE_BRIDGE_FILE = `${E2E_BUILD_DIR}page-bridge/page-bridge.js`;
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));
