import { screen, waitFor } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type * as Antd from 'antd';
import { seededFake } from '../fake-bridge';
import { choose, renderTokenList, shownNames } from '../render';

// antd's Select, counting its renders: the toolbar's three filters.
const renders = vi.hoisted(() => ({ select: 0 }));
vi.mock('antd', async (importOriginal) => {
  const antd = await importOriginal<typeof Antd>();
  const Select = Object.assign((props: ComponentProps<typeof antd.Select>) => {
    renders.select += 1;
    return <antd.Select {...props} />;
  }, antd.Select);
  return { ...antd, Select };
});

describe('a keystroke in Search', () => {
  it('renders the list again, not the filters beside it', async () => {
    const { user } = await renderTokenList(seededFake());
    const before = renders.select;
    expect(before).toBeGreaterThan(0);
    await user.type(screen.getByRole('textbox', { name: 'Search tokens' }), 'webhook');
    await waitFor(() => expect(shownNames()).toEqual(['WebhookListener']));
    expect(renders.select).toBe(before);

    // A filter's own change draws them.
    await choose(user, 'Filter by status', 'Expired');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Filter by status' }).closest('.ant-select')).toHaveTextContent('Expired'));
    expect(renders.select).toBeGreaterThan(before);
  });
});
