/**
 * The classes each theme's CSS variables hang on (antd's `cssVar.key`). Named rather than made by
 * ConfigProvider at run time, so the build's stylesheet holds the variables under the very class
 * the app's components carry; the row parts (rowParts.tsx) draw only under these.
 */
export const CSS_VAR_KEYS = { light: 'css-var-light', dark: 'css-var-dark' } as const;
