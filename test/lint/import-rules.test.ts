import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The process boundaries are enforced by eslint.config.js; these cases prove the rules fire
// (and stay quiet where an import is allowed), so a config edit cannot silently drop them.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('process boundary lint rules', () => {
  it.each([
    ["import { app } from 'electron';", 'Electron'],
    ["import { readFileSync } from 'node:fs';", 'Node built-ins'],
    ["import { readFileSync } from 'fs';", 'Node built-ins'],
    ["import { createHash } from 'node:crypto';", 'Node built-ins'],
    ["import React from 'react';", 'React'],
    ["import { x } from '../../main/services/session';", 'main/'],
    ["import axios from 'axios';", 'network'],
  ])('shared/ reports %s', async (code, expected) => {
    const messages = await restrictedImports('shared/domain/fixture.ts', `${code}\nexport {};\n`);
    expect(messages.join('\n')).toContain(expected);
  });

  it('shared/ reports DOM and Node globals', async () => {
    const messages = await restrictedImports('shared/domain/fixture.ts', 'export const w = window.innerWidth + process.pid;\n');
    expect(messages).toHaveLength(2);
  });

  it('shared/ may import zod, dayjs and ipaddr.js', async () => {
    const code = "import { z } from 'zod';\nimport dayjs from 'dayjs';\nimport ipaddr from 'ipaddr.js';\nexport const s = [z, dayjs, ipaddr];\n";
    expect(await restrictedImports('shared/domain/fixture.ts', code)).toEqual([]);
  });

  it.each([
    ["import { ipcRenderer } from 'electron';"],
    ["import { join } from 'node:path';"],
    ["import { buildServer } from '../../server/src/app';"],
    ["import { createSessionService } from '../../main/services/session';"],
    ["import axios from 'axios';"],
  ])('renderer/ reports %s', async (code) => {
    expect(await restrictedImports('renderer/tokens/fixture.tsx', `${code}\nexport {};\n`)).toHaveLength(1);
  });

  it('renderer/ may not call fetch', async () => {
    expect(await restrictedImports('renderer/tokens/fixture.tsx', "export const f = () => fetch('https://example.test');\n")).toHaveLength(1);
  });

  it.each([["import React from 'react';"], ["import { Button } from 'antd';"], ["import { App } from '../renderer/app/App';"]])(
    'main/ reports %s',
    async (code) => {
      expect(await restrictedImports('main/services/fixture.ts', `${code}\nexport {};\n`)).toHaveLength(1);
    },
  );

  it('main/ may import Electron and Node built-ins', async () => {
    const code = "import { app } from 'electron';\nimport { join } from 'node:path';\nexport const x = [app, join];\n";
    expect(await restrictedImports('main/index.ts', code)).toEqual([]);
  });
});
