import { Button, Checkbox, ConfigProvider, Tag, theme } from 'antd';
import { createContext, useContext, useMemo, type ChangeEvent, type CSSProperties, type MouseEvent, type ReactNode } from 'react';

/**
 * Tags, buttons and checkboxes of the token list's rows, drawn as the elements and classes
 * antd's own components draw (test/renderer/row-parts.test.tsx holds them to it), so antd's
 * stylesheet styles them the same. A row holds about ten of them; each of antd's runs a dozen
 * hooks (config, theme, semantic class names, wave, compact context…) when it mounts, and a
 * keystroke in Search or the first rows of a page mount twenty rows' worth. Outside the rows
 * (no RowPartsScope: a drawer, a test without the table) they are antd's components.
 */
type Scope = {
  hashId: string;
  cssVar: string;
  tag: string;
  btn: string;
  checkbox: string;
  wave: string;
};

const ScopeContext = createContext<Scope | null>(null);

/** The rows under it draw their parts as plain elements with the theme's classes. */
export function RowPartsScope({ children }: { children: ReactNode }) {
  const { hashId } = theme.useToken();
  // The key ConfigProvider settled on for the theme's CSS variables (its own, or one it made).
  const { getPrefixCls, theme: config } = useContext(ConfigProvider.ConfigContext);
  const cssVar = config?.cssVar?.key;
  const scope = useMemo<Scope | null>(
    () =>
      cssVar === undefined
        ? null
        : { hashId, cssVar, tag: getPrefixCls('tag'), btn: getPrefixCls('btn'), checkbox: getPrefixCls('checkbox'), wave: getPrefixCls('wave') },
    [hashId, cssVar, getPrefixCls],
  );
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

const classes = (...names: (string | false | undefined)[]): string => names.filter(Boolean).join(' ');

/** antd's preset and status colours: those it draws with a class of their own (others need inline styles). */
export type RowTagColor = 'default' | 'error' | 'warning' | 'success' | 'processing' | 'red' | 'orange' | 'gold' | 'purple' | 'blue' | 'green';

export function RowTag({ color, title, style, children }: { color?: RowTagColor; title?: string; style?: CSSProperties; children: ReactNode }) {
  const scope = useContext(ScopeContext);
  if (scope === null) {
    return (
      <Tag color={color} title={title} style={style}>
        {children}
      </Tag>
    );
  }
  const { tag } = scope;
  return (
    <span title={title} style={style} className={classes(tag, `${tag}-filled`, color !== undefined && `${tag}-${color}`, scope.hashId, scope.cssVar)}>
      {children}
    </span>
  );
}

type RowButtonProps = {
  /** antd's `type="link"` or `type="text"`. */
  variant: 'link' | 'text';
  danger?: boolean;
  small?: boolean;
  icon?: ReactNode;
  title?: string;
  style?: CSSProperties;
  'aria-label'?: string;
  'aria-expanded'?: boolean;
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
  children?: ReactNode;
};

export function RowButton({ variant, danger = false, small = false, icon, children, ...rest }: RowButtonProps) {
  const scope = useContext(ScopeContext);
  if (scope === null) {
    return (
      <Button type={variant} danger={danger} size={small ? 'small' : undefined} icon={icon} {...rest}>
        {children}
      </Button>
    );
  }
  const { btn } = scope;
  const color = danger ? 'dangerous' : variant === 'link' ? 'link' : 'default';
  const className = classes(
    btn,
    scope.hashId,
    scope.cssVar,
    `${btn}-${variant}`,
    danger && `${btn}-dangerous`,
    `${btn}-color-${color}`,
    `${btn}-variant-${variant}`,
    small && `${btn}-sm`,
    icon !== undefined && children === undefined && `${btn}-icon-only`,
  );
  return (
    <button type="button" className={className} {...rest}>
      {icon !== undefined && <span className={`${btn}-icon`}>{icon}</span>}
      {/* antd puts a text child in a span of its own. */}
      {typeof children === 'string' ? <span>{children}</span> : children}
    </button>
  );
}

/** `onChange` gets the new state, and whether Shift was held (a range of rows). */
export function RowCheckbox({ checked, onChange, 'aria-label': label }: { checked: boolean; onChange: (checked: boolean, shiftKey: boolean) => void; 'aria-label': string }) {
  const scope = useContext(ScopeContext);
  if (scope === null) {
    return <Checkbox aria-label={label} checked={checked} onChange={(event) => onChange(event.target.checked, event.nativeEvent.shiftKey)} />;
  }
  const { checkbox } = scope;
  return (
    <label className={classes(`${checkbox}-wrapper`, checked && `${checkbox}-wrapper-checked`, scope.cssVar, `${checkbox}-css-var`, scope.hashId)}>
      <span className={classes(checkbox, `${scope.wave}-target`, scope.hashId, checked && `${checkbox}-checked`)}>
        <input
          aria-label={label}
          className={`${checkbox}-input`}
          type="checkbox"
          checked={checked}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.checked, (event.nativeEvent as globalThis.MouseEvent).shiftKey === true)}
        />
      </span>
    </label>
  );
}
