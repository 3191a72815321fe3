import type { Page } from 'playwright-core';

/**
 * The antd components drawn in the page whose rules the build's stylesheet lacks
 * (scripts/antd-styles.ts), each as the class list of one element. The renderer runs antd with
 * `zeroRuntime`, so such a component would be drawn without any style at all.
 *
 * The stylesheet ends with antd's map of the styles it holds, entries
 * `hash|Component-Part|prefix|icons:styleHash` joined by ";", which antd reads from a probe
 * element's computed `content`: so does this. An element carrying antd's style hash belongs to a
 * component whose prefix (`ant-btn`) starts one of its classes (`ant-btn`, `ant-btn-primary`).
 */
export const componentsWithoutStyles = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const probe = document.createElement('div');
    probe.className = 'data-ant-cssinjs-cache-path';
    document.body.appendChild(probe);
    const map = getComputedStyle(probe).content.replace(/^"|"$/g, '');
    probe.remove();
    const hashes = new Set<string>();
    const prefixes = new Set<string>();
    for (const entry of map.split(';')) {
      const [hash, path, prefix] = entry.split(':')[0]?.split('|') ?? [];
      if (!hash?.startsWith('css-') || path === undefined || path === 'Shared' || prefix === undefined) continue;
      hashes.add(hash);
      prefixes.add(prefix);
    }
    if (hashes.size === 0) return ['the stylesheet holds no map of antd styles'];
    const styled = (name: string) => [...prefixes].some((prefix) => name === prefix || name.startsWith(`${prefix}-`));
    const missing = new Set<string>();
    for (const hash of hashes) {
      for (const element of document.getElementsByClassName(hash)) {
        const names = [...element.classList].filter((name) => name.startsWith('ant-'));
        if (!names.some(styled)) missing.add(element.className);
      }
    }
    return [...missing];
  });
