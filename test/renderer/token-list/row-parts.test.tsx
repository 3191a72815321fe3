import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as antdModule from 'antd';
import { Button, Checkbox, ConfigProvider, Tag } from 'antd';
import type { ComponentType, ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../../../renderer/app/Providers';
import { RowButton, RowCheckbox, RowPartsScope, RowTag } from '../../../renderer/common/rowParts';

// How many of antd's own Tag, Button and Checkbox were drawn: the scope's parts must draw none.
const drawn = vi.hoisted(() => ({ Tag: 0, Button: 0, Checkbox: 0 }));
vi.mock('antd', async (importOriginal) => {
  const antd = await importOriginal<typeof antdModule>();
  const { createElement, forwardRef } = await import('react');
  const counted = (name: keyof typeof drawn, Original: unknown) =>
    Object.assign(
      forwardRef((props: object, ref) => {
        drawn[name] += 1;
        return createElement(Original as ComponentType, { ...props, ref } as object);
      }),
      // Their statics (Checkbox.Group…), not what makes them a forwardRef of their own.
      Object.fromEntries(Object.entries(Original as object).filter(([key]) => /^[A-Z]/.test(key))),
    );
  return { ...antd, Tag: counted('Tag', antd.Tag), Button: counted('Button', antd.Button), Checkbox: counted('Checkbox', antd.Checkbox) };
});
beforeEach(() => {
  drawn.Tag = drawn.Button = drawn.Checkbox = 0;
});

// An element as the stylesheet and assistive technology see it: its tag, its attributes (class
// names as a set) and its children, whatever order React wrote the attributes in.
function shape(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.textContent);
  const element = node as Element;
  const attributes = [...element.attributes]
    .map((attribute) => (attribute.name === 'class' ? `class=${[...element.classList].sort().join('.')}` : `${attribute.name}=${attribute.value}`))
    .sort();
  return `<${element.tagName.toLowerCase()} ${attributes.join(' ')}>${[...element.childNodes].map(shape).join('')}</>`;
}

// The built app's setting: antd makes no styles at run time, the build's stylesheet holds them.
const built = (scheme: 'light' | 'dark') =>
  function Built(node: ReactElement) {
    return (
      <ConfigProvider theme={{ zeroRuntime: true }}>
        <Providers scheme={scheme}>{node}</Providers>
      </ConfigProvider>
    );
  };

// Both drawn in the console's theme: ours inside a RowPartsScope, antd's beside it.
function drawnBoth(ours: ReactElement, theirs: ReactElement, wrap: (node: ReactElement) => ReactElement = built('light')) {
  render(
    wrap(
      <>
        <div data-testid="ours">
          <RowPartsScope>{ours}</RowPartsScope>
        </div>
        <div data-testid="theirs">{theirs}</div>
      </>,
    ),
  );
  const [mine, antd] = [screen.getByTestId('ours'), screen.getByTestId('theirs')].map((holder) => shape(holder.firstElementChild as Element));
  return { mine, antd };
}

const noop = () => undefined;

describe('row parts: the elements and classes of antd’s components', () => {
  it.each([
    ['a plain tag', <RowTag key="a">Clients</RowTag>, <Tag key="a">Clients</Tag>],
    [
      'a preset colour with a title and a style',
      <RowTag key="a" color="gold" title="No expiry date" style={{ marginInlineEnd: 0 }}>
        No expiry
      </RowTag>,
      <Tag key="a" color="gold" title="No expiry date" style={{ marginInlineEnd: 0 }}>
        No expiry
      </Tag>,
    ],
    ['a status colour', <RowTag key="a" color="error">Expired</RowTag>, <Tag key="a" color="error">Expired</Tag>],
    ['the default status', <RowTag key="a" color="default">No owner</RowTag>, <Tag key="a" color="default">No owner</Tag>],
  ])('tag: %s', (_name, ours, theirs) => {
    const { mine, antd } = drawnBoth(ours, theirs);
    expect(mine).toContain('ant-tag');
    expect(mine).toBe(antd);
    expect(drawn.Tag).toBe(1);
  });

  it.each([
    [
      'a link around an element',
      <RowButton key="a" variant="link" title="Backend" style={{ paddingInline: 0 }} onClick={noop}>
        <span>Backend</span>
      </RowButton>,
      <Button key="a" type="link" title="Backend" style={{ paddingInline: 0 }} onClick={noop}>
        <span>Backend</span>
      </Button>,
    ],
    [
      'a small link with text',
      <RowButton key="a" variant="link" small aria-expanded={false} aria-label="+2 Show all permissions" onClick={noop}>
        +2 Show all
      </RowButton>,
      <Button key="a" type="link" size="small" aria-expanded={false} aria-label="+2 Show all permissions" onClick={noop}>
        +2 Show all
      </Button>,
    ],
    [
      'an icon button',
      <RowButton key="a" variant="text" title="Edit" icon={<EditOutlined />} aria-label="Edit Backend" onClick={noop} />,
      <Button key="a" type="text" title="Edit" icon={<EditOutlined />} aria-label="Edit Backend" onClick={noop} />,
    ],
    [
      'a dangerous icon button',
      <RowButton key="a" variant="text" danger title="Delete" icon={<DeleteOutlined />} aria-label="Delete Backend" onClick={noop} />,
      <Button key="a" type="text" danger title="Delete" icon={<DeleteOutlined />} aria-label="Delete Backend" onClick={noop} />,
    ],
  ])('button: %s', (_name, ours, theirs) => {
    const { mine, antd } = drawnBoth(ours, theirs);
    expect(mine).toContain('ant-btn');
    expect(mine).toBe(antd);
    expect(drawn.Button).toBe(1);
  });

  it.each([false, true])('checkbox, checked: %s', (checked) => {
    const { mine, antd } = drawnBoth(<RowCheckbox aria-label="Select Backend" checked={checked} onChange={noop} />, <Checkbox aria-label="Select Backend" checked={checked} onChange={noop} />);
    expect(mine).toContain('ant-checkbox-input');
    expect(mine).toBe(antd);
    expect(drawn.Checkbox).toBe(1);
  });

  it.each([
    ['tag', <RowTag key="a" color="error">Expired</RowTag>, <Tag key="a" color="error">Expired</Tag>],
    [
      'dangerous icon button',
      <RowButton key="a" variant="text" danger title="Delete" icon={<DeleteOutlined />} aria-label="Delete Backend" onClick={noop} />,
      <Button key="a" type="text" danger title="Delete" icon={<DeleteOutlined />} aria-label="Delete Backend" onClick={noop} />,
    ],
    ['checkbox', <RowCheckbox key="a" aria-label="Select Backend" checked onChange={noop} />, <Checkbox key="a" aria-label="Select Backend" checked onChange={noop} />],
  ])('the same in the dark theme: %s', (_name, ours, theirs) => {
    const { mine, antd } = drawnBoth(ours, theirs, built('dark'));
    expect(mine).toContain('css-var-dark');
    expect(mine).toBe(antd);
    expect(drawn.Tag + drawn.Button + drawn.Checkbox).toBe(1);
  });

  it.each([
    // antd makes its styles at run time (npm run dev): only a mounted Tag would make the tags' rules.
    ['antd making its styles at run time', (node: ReactElement) => <Providers scheme="light">{node}</Providers>],
    // No key of the app's: the build's stylesheet holds no variables under the class antd makes.
    ['a theme without a key of the app’s', (node: ReactElement) => <ConfigProvider theme={{ zeroRuntime: true }}>{node}</ConfigProvider>],
    ['a theme with a key of its own', (node: ReactElement) => <ConfigProvider theme={{ zeroRuntime: true, cssVar: { key: 'css-var-other' } }}>{node}</ConfigProvider>],
  ])('are antd’s own components under %s', (_name, wrap) => {
    const { mine, antd } = drawnBoth(<RowTag color="gold">No expiry</RowTag>, <Tag color="gold">No expiry</Tag>, wrap);
    expect(mine).toBe(antd);
    expect(drawn.Tag).toBe(2);
  });
});

describe('row parts: behaviour', () => {
  it('a button calls onClick', async () => {
    const onClick = vi.fn();
    render(
      built('light')(
        <RowPartsScope>
          <RowButton variant="text" icon={<EditOutlined />} aria-label="Edit Backend" onClick={onClick} />
        </RowPartsScope>,
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Edit Backend' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('a checkbox tells the new state, and whether Shift was held', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    const Built = built('light');
    const { rerender } = render(
      Built(
        <RowPartsScope>
          <RowCheckbox aria-label="Select Backend" checked={false} onChange={onChange} />
        </RowPartsScope>,
      ),
    );
    await user.click(screen.getByRole('checkbox', { name: 'Select Backend' }));
    expect(onChange).toHaveBeenLastCalledWith(true, false);
    rerender(
      Built(
        <RowPartsScope>
          <RowCheckbox aria-label="Select Backend" checked onChange={onChange} />
        </RowPartsScope>,
      ),
    );
    expect(drawn.Checkbox).toBe(0);
    expect(screen.getByRole('checkbox', { name: 'Select Backend' })).toBeChecked();
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select Backend' }));
    await user.keyboard('{/Shift}');
    expect(onChange).toHaveBeenLastCalledWith(false, true);
  });
});
