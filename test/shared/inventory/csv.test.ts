import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvChunks, csvField } from '../../../shared/inventory/csv';
import { buildSnapshot, type InventorySnapshot } from '../../../shared/inventory/snapshot';
import { makeParts, makeToken, sha256Hex } from './fixtures';

// The whole file at once, as the export writes it chunk by chunk.
const inventoryToCsv = (snapshot: Parameters<typeof csvChunks>[0], now: Date): string => [...csvChunks(snapshot, now, Number.MAX_SAFE_INTEGER)].join('');

// An independent RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field !== '' || row.length > 0) throw new Error('the text does not end with CRLF');
  return rows;
}

const NOW = new Date('2026-03-10T12:00:00Z');
const snapshotOf = (tokens: ReturnType<typeof makeToken>[]): Promise<InventorySnapshot> =>
  buildSnapshot(makeParts(tokens), sha256Hex);

describe('csvField', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('')).toBe('');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    // Only a leading formula character matters.
    expect(csvField('a=b-c+d@e')).toBe('a=b-c+d@e');
  });
});

describe('inventoryToCsv', () => {
  it('writes a header and one row per token with the review fields', async () => {
    const snapshot = await snapshotOf([
      makeToken(1, { name: 'BackendAutomation', roleId: 3 }),
      makeToken(2, {
        name: 'WebhookListener',
        whitelist: [],
        expiresOn: null,
        expiresAt: null,
        lastUsedAt: null,
        lastUsedIp: null,
        createdAt: '2025-11-01T23:30:00.000Z',
      }),
      makeToken(3, { name: 'Postman', roleId: 1, expiresOn: '2026-03-12', whitelist: ['10.0.0.0/8', '192.0.2.1'] }),
      makeToken(4, { name: 'Old script', expiresOn: '2026-03-09' }),
    ]);
    const text = inventoryToCsv(snapshot, NOW);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual([
      'BackendAutomation',
      'CB Accounts & Transactions',
      'CB Accounts; CB Transactions',
      '203.0.113.0/24',
      '31/12/2026',
      'Active',
      '05/01/2026 10:30',
      '01/03/2026 13:00',
      '',
      '',
      '',
    ]);
    // Times in the organisation's zone (Europe/Paris): 23:30 UTC is past midnight there.
    expect(rows[2]).toEqual([
      'WebhookListener',
      'Read-only Clients',
      'Clients; KYC Documents; Requests',
      '',
      '',
      'Active',
      '02/11/2025 00:30',
      'Never',
      'No IP restriction; No expiry; Unused',
      '',
      '',
    ]);
    expect(rows[3]?.slice(3)).toEqual(['10.0.0.0/8; 192.0.2.1', '12/03/2026', 'Expiring soon', '05/01/2026 10:30', '01/03/2026 13:00', 'Expiring soon; Privileged role', '', '']);
    expect(rows[4]?.slice(4, 6)).toEqual(['09/03/2026', 'Expired']);
  });

  it('keeps hostile names and role names inert and in their own cells', async () => {
    const hostile = [
      '=cmd|"/c calc"!A1',
      '+SUM(1,2)',
      '-1+2',
      '@here',
      'comma, inside',
      'quote " inside',
      'line\nbreak',
      'carriage\r\nreturn',
    ];
    const snapshot = await snapshotOf(hostile.map((name, i) => makeToken(i + 1, { name, roleName: name, owner: name, description: name })));
    const rows = parseCsv(inventoryToCsv(snapshot, NOW).slice(1));
    expect(rows).toHaveLength(hostile.length + 1);
    for (const [i, name] of hostile.entries()) {
      const row = rows[i + 1] as string[];
      expect(row).toHaveLength(CSV_COLUMNS.length);
      const expected = /^[=+\-@]/.test(name) ? `'${name}` : name;
      expect(row[0]).toBe(expected);
      expect(row[1]).toBe(expected);
      // Owner and description are typed by people too: the same neutralisation applies.
      expect(row.slice(-2)).toEqual([expected, expected]);
    }
  });

  it('gives the same text in chunks, each chunk a whole number of rows', async () => {
    const snapshot = await snapshotOf(Array.from({ length: 10 }, (_, i) => makeToken(i + 1, { name: `a,b "${i}"\n` })));
    const whole = inventoryToCsv(snapshot, NOW);
    for (const size of [1, 3, 10, 100]) {
      const chunks = [...csvChunks(snapshot, NOW, size)];
      expect(chunks).toHaveLength(Math.ceil(10 / size));
      expect(chunks.join('')).toBe(whole);
      expect(chunks.every((chunk) => chunk.endsWith('\r\n'))).toBe(true);
    }
    const empty = await snapshotOf([]);
    expect([...csvChunks(empty, NOW, 5)]).toEqual([`\uFEFF${CSV_COLUMNS.join(',')}\r\n`]);
  });
});
