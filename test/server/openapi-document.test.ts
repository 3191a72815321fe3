import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_CODE_STATUS, ERROR_CODE_VALUES, type ErrorCode } from '../../shared/api';
import { compile, createAjv, operations, type Document } from './contract/schemas';
import { request, startServer, type Started } from './harness';


let server: Started;
let doc: Document;

beforeAll(async () => {
  server = await startServer();
  doc = (await request<Document>(server.port, '/api/public/docs/openapi.json')).body;
});
afterAll(async () => {
  await server.close();
});

const root = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the OpenAPI document', () => {
  it('passes an OpenAPI 3 validator with no warning', async () => {
    const warnings: unknown[] = [];
    const logger = { log: () => undefined, warn: (...args: unknown[]) => warnings.push(args), error: (...args: unknown[]) => warnings.push(args) };
    const result = await new Validator({ logger }).validate(doc);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('holds only schemas a strict JSON Schema validator compiles without a warning', () => {
    const warnings: unknown[] = [];
    const ajv = createAjv(warnings);
    let compiled = 0;
    for (const { op } of operations(doc)) {
      const schemas = [
        ...(op.parameters ?? []).map((parameter) => parameter.schema),
        ...Object.values(op.requestBody?.content ?? {}).map((media) => media.schema),
        ...Object.values(op.responses).flatMap((response) => Object.values(response.content ?? {}).map((media) => media.schema)),
      ];
      for (const schema of schemas) {
        compile(ajv, schema);
        compiled++;
      }
    }
    expect(compiled).toBeGreaterThan(50);
    expect(warnings).toEqual([]);
  });

  it('documents every 204 with no content', () => {
    const noContent = Object.values(doc.paths).flatMap((ops) => Object.values(ops)).flatMap((op) => (op.responses['204'] ? [op.responses['204']] : []));
    expect(noContent.length).toBe(3);
    for (const response of noContent) expect(response.content).toBeUndefined();
  });

  it('documents 413 and 415 wherever a body is accepted', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!op.requestBody) continue;
        expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['400', '413', '415']));
      }
    }
  });
});

describe('error codes', () => {
  it('README\'s error table lists exactly the codes the server declares', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Errors'), readme.indexOf('### Admin API'));
    const rows = section.split('\n').filter((line) => /^\| \d{3} \|/.test(line));
    const listed = rows.flatMap((row) => {
      const status = Number(row.split('|')[1]);
      return [...(row.split('|')[2] ?? '').matchAll(/`([^`]+)`/g)].map((match) => ({ code: match[1] as ErrorCode, status }));
    });
    expect(new Set(listed.map((entry) => entry.code))).toEqual(new Set(ERROR_CODE_VALUES));
    expect(listed.length).toBe(ERROR_CODE_VALUES.length);
    for (const { code, status } of listed) expect(ERROR_CODE_STATUS[code], code).toBe(status);
  });

  it('every code the server writes as a literal is declared', () => {
    const source = sourceFiles(join(root, 'server/src')).map((file) => readFileSync(file, 'utf8')).join('\n');
    const literals = [...source.matchAll(/HttpError\(\s*\d+,\s*'([^']+)'/g)].map((match) => match[1]);
    expect(literals.length).toBeGreaterThan(0);
    for (const code of literals) expect(ERROR_CODE_VALUES, code).toContain(code);
  });

  it('documents under each error status exactly the codes sent with it', () => {
    for (const { method, path, op } of operations(doc)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const schema = response.content?.['application/json']?.schema as { properties: { code: { enum: string[] } } };
        const expected = ERROR_CODE_VALUES.filter((code) => ERROR_CODE_STATUS[code] === Number(status));
        expect(schema.properties.code.enum, `${method} ${path} ${status}`).toEqual(expected);
      }
    }
  });

  it('every declared code is sent somewhere by the server (none is dead)', () => {
    const source = sourceFiles(join(root, 'server/src')).map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const [key, code] of Object.entries(ERROR_CODES)) {
      const used = source.includes(`ERROR_CODES.${key}`) || source.includes(`'${code}'`) || (code === 'X-0005' && source.includes('UNKNOWN_CREDENTIAL_CODE'));
      expect(used, code).toBe(true);
    }
  });
});
