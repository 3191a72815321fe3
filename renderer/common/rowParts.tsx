import { Button, Checkbox, ConfigProvider, Tag, theme } from 'antd';
import { createContext, useContext, useMemo, type ChangeEvent, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import { CSS_VAR_KEYS } from './themeKeys';

/**
 * Tags, buttons and checkboxes of the token list's rows, drawn as the elements and classes
 * antd's own components draw (test/renderer/token-list/row-parts.test.tsx holds them to it), so
 * the build's stylesheet styles them the same. A row holds about ten of them; each of antd's runs
 * a dozen hooks (config, theme, semantic class names, wave, compact context…) when it mounts, and
 * a keystroke in Search or the first rows of a page mount twenty rows' worth. They are antd's
 * components outside the rows (no RowPartsScope: a drawer), and wherever antd makes its styles at
 * run time (`npm run dev`, no zeroRuntime) or the theme is not one of the app's (CSS_VAR_KEYS):
 * there no stylesheet holds the rules and variables of a component antd did not mount.
 */
type Scope = {
  hashId: string;
  cssVar: string;
  tag: string;
  btn: string;
  checkbox: string;
};

// antd's Wave marks its target with this class whatever the prefix (wave/style.js TARGET_CLS).
const WAVE_TARGET = 'ant-wave-target';
const KEYS: ReadonlySet<string> = new Set(Object.values(CSS_VAR_KEYS));

const ScopeContext = createContext<Scope | null>(null);

/** The rows under it draw their parts as plain elements with the theme's classes. */
export function RowPartsScope({ children }: { children: ReactNode }) {
  const { hashId } = theme.useToken();
  const { getPrefixCls, theme: config } = useContext(ConfigProvider.ConfigContext);
  const cssVar = config?.cssVar?.key;
  const zeroRuntime = config?.zeroRuntime === true;
  const scope = useMemo<Scope | null>(() => {
    if (!zeroRuntime || cssVar === undefined || !KEYS.has(cssVar)) return null;
    return { hashId, cssVar, tag: getPrefixCls('tag'), btn: getPrefixCls('btn'), checkbox: getPrefixCls('checkbox') };
  }, [zeroRuntime, hashId, cssVar, getPrefixCls]);
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

const classes = (...names: (string | false | undefined)[]): string => names.filter(Boolean).join(' ');

/** The preset and status colours the app uses: antd draws each with a class of its own (other colours need inline styles). */
export type RowTagColor = 'default' | 'error' | 'warning' | 'red' | 'orange' | 'gold' | 'purple';

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
      <span className={classes(checkbox, WAVE_TARGET, scope.hashId, checked && `${checkbox}-checked`)}>
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
