// Run by the antd-styles build plugin in a process of its own with NODE_ENV=production, so
// antd names its style hashes as the shipped renderer does: prints on stdout the CSS that antd
// would generate at run time for the named components, in the console's light and dark themes,
// with the map of style paths that lets antd skip generating them (see antd-styles.ts).
import { extractStyle } from '@ant-design/static-style-extract';
import * as antd from 'antd';
import { App, ConfigProvider } from 'antd';
import { createElement, Fragment, type ReactNode } from 'react';
import { consoleTheme } from '../renderer/app/theme';

// Components: exported at run time (not a type), named with a capital (`theme` is not one) or
// one of the two App.useApp() draws, and drawing something (ConfigProvider does not).
const includes = process.argv.slice(2).filter((name) => (/^[A-Z]/.test(name) || name === 'message' || name === 'notification') && name in antd && name !== 'ConfigProvider');
if (includes.length === 0) throw new Error('antd-styles-extract: name the antd components to extract.');

// The catalogue draws each component bare; a form item (its grid row and columns, and a style
// of its own) appears only inside a form that has one.
const formItem = includes.includes('Form') ? createElement(antd.Form, null, createElement(antd.Form.Item, { label: 'Name' }, 'value')) : null;

// One cache for both themes: the file holds one map of paths, and a second would replace the first.
const inBothThemes = (node: ReactNode): ReactNode =>
  createElement(
    Fragment,
    null,
    ...(['light', 'dark'] as const).map((mode) => createElement(ConfigProvider, { key: mode, theme: consoleTheme(mode) }, createElement(App, null, node, formItem))),
  );

process.stdout.write(extractStyle({ includes, customTheme: inBothThemes }));
