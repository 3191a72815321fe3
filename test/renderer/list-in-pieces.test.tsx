import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appendChunk, FIRST_ROWS } from '../../renderer/tokens/restOfList';
import { LIST_CHUNK_ROWS } from '../../shared/ipc/token-list-contract';
import type { IdentificationToken } from '../../shared/api/tokens';
import { seededFake } from './fake-bridge';
import { renderApp } from './render';

const TOKENS = 2_600;

describe('A large token list arriving in pieces', () => {
  it('shows the first rows at once, says how many are still coming, then the whole list', async () => {
    const fake = seededFake();
    for (let i = fake.tokens.length; i < TOKENS; i++) fake.addToken({ name: `Bulk-${String(i).padStart(5, '0')}`, roleId: 4 });
    const count = fake.tokens.length;
    // No saved copy to stand in (it would be shown until the list is complete).
    fake.hold('inventory.cached');
    const release = fake.hold('tokens.listRest');
    renderApp(fake);

    expect(await screen.findByText(`Loading tokens… ${FIRST_ROWS} of ${count.toLocaleString('en-GB')}`, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(`${FIRST_ROWS} tokens`)).toBeInTheDocument();
    expect(fake.callsOf('tokens.list').at(-1)).toEqual({ firstRows: FIRST_ROWS });
    // Main is still paging the server: each read starts where the last one ended.
    await waitFor(() => expect(fake.callsOf('tokens.listRest')).toHaveLength(1));
    release();
    expect(await screen.findByText(`${count} tokens`, {}, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/^Loading tokens…/)).not.toBeInTheDocument());
    // The first answer, then two chunks (LIST_CHUNK_ROWS at most each).
    expect(fake.callsOf('tokens.listRest')).toEqual([
      { listId: expect.any(String), offset: FIRST_ROWS },
      { listId: expect.any(String), offset: FIRST_ROWS + LIST_CHUNK_ROWS },
    ]);
  });

  it('reads no saved copy while the rest comes from what main holds already', async () => {
    const fake = seededFake();
    for (let i = fake.tokens.length; i < TOKENS; i++) fake.addToken({ name: `Bulk-${String(i).padStart(5, '0')}`, roleId: 4 });
    fake.saveOfflineCopy('2026-03-01T09:05:00.000Z');
    fake.holdsList = true;
    const release = fake.hold('tokens.listRest');
    renderApp(fake);

    expect(await screen.findByText(`Loading tokens… ${FIRST_ROWS} of ${TOKENS.toLocaleString('en-GB')}`, {}, { timeout: 5000 })).toBeInTheDocument();
    // Longer than the page waits before the copy stands in (and than the copy takes to come).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.callsOf('inventory.cached')).toEqual([]);
    // Whole in main: the next chunk is asked for before the first one lands.
    expect(fake.callsOf('tokens.listRest')).toEqual([
      { listId: expect.any(String), offset: FIRST_ROWS },
      { listId: expect.any(String), offset: FIRST_ROWS + LIST_CHUNK_ROWS },
    ]);
    expect(screen.queryByText(/— updating…$/)).not.toBeInTheDocument();
    release();
    expect(await screen.findByText(`${TOKENS} tokens`, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(fake.callsOf('inventory.cached')).toEqual([]);
  });

  it('stops reading a saved copy asked for while the list was awaited, once main says it holds the rest', async () => {
    const fake = seededFake();
    // The copy comes in three pieces: its first rows, then two chunks.
    const count = 2 * LIST_CHUNK_ROWS + 600;
    for (let i = fake.tokens.length; i < count; i++) fake.addToken({ name: `Bulk-${String(i).padStart(5, '0')}`, roleId: 4 });
    fake.saveOfflineCopy('2026-03-01T09:05:00.000Z');
    const releaseList = fake.hold('tokens.list');
    const releaseRows = fake.hold('inventory.rows');
    renderApp(fake);

    await waitFor(() => expect(fake.callsOf('inventory.rows')).toHaveLength(1), { timeout: 5000 });
    fake.holdsList = true;
    releaseList();
    await waitFor(() => expect(fake.callsOf('tokens.listRest').length).toBeGreaterThan(0), { timeout: 5000 });
    releaseRows();
    expect(await screen.findByText(`${count} tokens`, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(fake.callsOf('inventory.rows')).toHaveLength(1);
  });

  it('stands the saved copy in while main still pages the server for the rest', async () => {
    const fake = seededFake();
    for (let i = fake.tokens.length; i < TOKENS; i++) fake.addToken({ name: `Bulk-${String(i).padStart(5, '0')}`, roleId: 4 });
    fake.saveOfflineCopy('2026-03-01T09:05:00.000Z');
    const release = fake.hold('tokens.listRest');
    renderApp(fake);

    expect(await screen.findByText(/^As of .* — updating…$/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(fake.callsOf('inventory.cached')).toHaveLength(1);
    release();
    expect(await screen.findByText(`${TOKENS} tokens`, {}, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/— updating…$/)).not.toBeInTheDocument());
  });

  it('says how many tokens could be loaded when the rest fails, and loads them all again', async () => {
    const fake = seededFake();
    for (let i = fake.tokens.length; i < 1_200; i++) fake.addToken({ name: `Bulk-${String(i).padStart(5, '0')}`, roleId: 4 });
    fake.hold('inventory.cached');
    fake.failNext('tokens.listRest', 'server_error');
    renderApp(fake);

    expect(await screen.findByText(`Only ${FIRST_ROWS} of 1,200 tokens could be loaded.`, {}, { timeout: 5000 })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load all again' }));
    expect(await screen.findByText('1200 tokens', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(fake.callsOf('tokens.list').at(-1)).toEqual({ full: true, firstRows: FIRST_ROWS });
  });

  it('keeps the whole list on screen while a refresh arrives in pieces', async () => {
    const fake = seededFake();
    for (let i = fake.tokens.length; i < 1_200; i++) fake.addToken({ name: `Bulk-${String(i).padStart(5, '0')}`, roleId: 4 });
    fake.hold('inventory.cached');
    renderApp(fake);
    expect(await screen.findByText('1200 tokens', {}, { timeout: 5000 })).toBeInTheDocument();
    fake.addToken({ name: 'AddedMeanwhile', roleId: 4 });
    const release = fake.hold('tokens.listRest');
    const asked = fake.callsOf('tokens.list').length;
    // Refresh lists every token again, in pieces.
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(fake.callsOf('tokens.list')).toHaveLength(asked + 1));
    expect(await screen.findByText(`Loading tokens… ${FIRST_ROWS} of 1,201`)).toBeInTheDocument();
    expect(screen.getByText('1200 tokens')).toBeInTheDocument();
    release();
    expect(await screen.findByText('1201 tokens', {}, { timeout: 5000 })).toBeInTheDocument();

    // Coming back to the window syncs: the answer comes whole, with no "Loading tokens…" again.
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(fake.callsOf('tokens.list')).toHaveLength(asked + 2));
    expect(fake.callsOf('tokens.list').at(-1)).not.toHaveProperty('firstRows');
    expect(screen.queryByText(/^Loading tokens…/)).not.toBeInTheDocument();
  });

  it('lets a later copy of a row replace the earlier one unless older, and ignores another list’s chunk', () => {
    const row = (id: number, name: string, version = 1) => ({ id, name, version }) as IdentificationToken;
    const list = { items: [row(1, 'a', 3), row(2, 'b')], total: 3, fetchedAt: '2026-01-01T00:00:00.000Z', rest: { listId: 'L1' } };
    const next = appendChunk(list, 'L1', { items: [row(2, 'b2', 2), row(1, 'a-old', 2), row(3, 'c')], done: true, total: 3 });
    expect(next.items.map((t) => t.name)).toEqual(['a', 'b2', 'c']);
    expect(next.rest).toBeUndefined();
    expect(appendChunk(list, 'L0', { items: [row(9, 'z')], done: true, total: 1 })).toBe(list);
  });

  it('adds several chunks at once as one after the other, the last one saying whether the list is whole', () => {
    const row = (id: number, name: string, version = 1) => ({ id, name, version }) as IdentificationToken;
    const list = { items: [row(1, 'a')], total: 9, fetchedAt: '2026-01-01T00:00:00.000Z', rest: { listId: 'L1' } };
    const partial = appendChunk(list, 'L1', { items: [row(2, 'b')], done: false, total: 9 }, { items: [row(3, 'c'), row(2, 'b2', 2)], done: false, total: 10 });
    expect(partial.items.map((t) => t.name)).toEqual(['a', 'b2', 'c']);
    expect(partial.rest).toEqual({ listId: 'L1' });
    expect(partial.total).toBe(10);
    const whole = appendChunk(list, 'L1', { items: [row(2, 'b', 2)], done: false, total: 3 }, { items: [row(2, 'b-old'), row(3, 'c')], done: true, total: 3, listVersion: 's.1' });
    expect(whole.items.map((t) => t.name)).toEqual(['a', 'b', 'c']);
    expect(whole.rest).toBeUndefined();
    expect(whole.listVersion).toBe('s.1');
    expect(appendChunk(list, 'L1')).toBe(list);
  });
});
