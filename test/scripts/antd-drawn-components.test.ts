import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDrawnComponents } from '../../scripts/antd-styles';

const ANTD_ES = join(__dirname, '..', '..', 'node_modules', 'antd', 'es');

// The build writes styles for these names only, and the renderer generates none at run time:
// a component another one draws must be named too.
describe('the antd components whose styles the build writes', () => {
  it('adds what a component draws in some state: the table its filter dropdown and tree, its checkboxes and pagination', () => {
    const names = withDrawnComponents(ANTD_ES, ['Table']);
    expect(names).toEqual(expect.arrayContaining(['Table', 'Dropdown', 'Tree', 'Checkbox', 'Radio', 'Pagination', 'Spin', 'Empty', 'Tooltip']));
  });

  it('follows what is drawn at any depth: pagination draws a select, which draws an empty state', () => {
    expect(withDrawnComponents(ANTD_ES, ['Pagination'])).toEqual(expect.arrayContaining(['Pagination', 'Select', 'Empty']));
  });

  it('does not follow the contexts, tokens and texts every component imports', () => {
    expect(withDrawnComponents(ANTD_ES, ['Divider'])).toEqual(['Divider', 'Empty']);
    expect(withDrawnComponents(ANTD_ES, ['Tag'])).toEqual(['Empty', 'Tag']);
  });

  it("adds the message and notification App.useApp() draws, and only for App", () => {
    expect(withDrawnComponents(ANTD_ES, ['App'])).toEqual(expect.arrayContaining(['App', 'message', 'notification']));
    expect(withDrawnComponents(ANTD_ES, ['Button'])).not.toContain('message');
  });

  it('keeps every name it was given, types and all, once', () => {
    const names = withDrawnComponents(ANTD_ES, ['Tag', 'ThemeConfig', 'Tag']);
    expect(names.filter((name) => name === 'Tag')).toHaveLength(1);
    expect(names).toContain('ThemeConfig');
  });
});
