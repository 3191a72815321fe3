import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Renderer feature folders import only their own files, renderer/common, renderer/ipc and
// shared/ (eslint.config.js); app/ is the composition root. These cases prove the rule fires.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('renderer feature folder lint rule', () => {
  it.each([
    ['renderer/tokens/TokensPage.tsx', "import { x } from '../inventory/InventoryPage';"],
    ['renderer/tokens/form/NameField.tsx', "import { x } from '../../inventory/review/ReviewPanel';"],
    ['renderer/inventory/review/ReviewPanel.tsx', "import { x } from '../../tokens/TokensView';"],
    ['renderer/layout/Shell.tsx', "import { x } from '../app/App';"],
    ['renderer/roles/RolesPage.tsx', "import { x } from '../session/SignInScreen';"],
    ['renderer/common/readOnly.tsx', "import { x } from '../tokens/TokensView';"],
    ['renderer/ipc/useBridgeCall.ts', "import { x } from '../session/SessionProvider';"],
  ])('%s may not reach into another feature: %s', async (file, code) => {
    expect((await restrictedImports(file, code)).join('\n')).toContain('Renderer features do not import each other');
  });

  it.each([
    ['renderer/tokens/TokensPage.tsx', "import { x } from './TokensView';"],
    ['renderer/tokens/form/NameField.tsx', "import { x } from '../../common/token-list/TokenList';"],
    ['renderer/inventory/review/ReviewPanel.tsx', "import { x } from '../../ipc/useBridgeCall';"],
    ['renderer/inventory/InventoryPage.tsx', "import { x } from '../../shared/inventory';"],
    ['renderer/app/App.tsx', "import { x } from '../tokens/TokensPage';"],
  ])('%s may import %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });

  it('keeps the process rules inside feature folders', async () => {
    expect(await restrictedImports('renderer/tokens/TokensPage.tsx', "import { app } from 'electron';")).toHaveLength(1);
  });
});
