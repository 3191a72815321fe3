import { theme, type ThemeConfig } from 'antd';
import { CSS_VAR_KEYS } from '../common/themeKeys';

// Wifox's console is green ("+ Add" buttons are green). antd's stock colours fall short of
// WCAG AA (4.5:1) for normal-size text, so every colour that text is drawn in, or drawn on,
// is set here per mode and checked by the axe-core pass of the end-to-end screens test.

/** White text on it: 5.4:1. As text on white: 5.4:1; on the layout grey: 4.9:1. */
const WIFOX_GREEN = '#1f7a45';
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

// Each mode's CSS variables sit under a class of its own (CSS_VAR_KEYS): the build's stylesheet
// (scripts/antd-styles.ts) then holds them under the very class the app's components carry, also
// for components antd never mounts (the list's rows, renderer/common/rowParts.tsx). A nested
// ConfigProvider with a theme of its own needs a key of its own, or it would overwrite these.
const light: ThemeConfig = {
  cssVar: { key: CSS_VAR_KEYS.light },
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: WIFOX_GREEN,
    // Selected menu items and options: green text on a light mint (4.8:1), not the algorithm's grey.
    colorPrimaryBg: '#e8f5ed',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorError: '#cf1322',
    colorErrorText: '#cf1322',
    colorWarningText: '#874d00',
    colorSuccessText: '#237804',
    // Secondary text (Typography "secondary", descriptions): 5:1 on the layout grey.
    colorTextTertiary: 'rgba(0, 0, 0, 0.58)',
    colorTextDescription: 'rgba(0, 0, 0, 0.58)',
    fontFamily: FONT_FAMILY,
  },
  components: {
    Button: { colorPrimaryHover: '#23854b', colorPrimaryActive: '#1a6b3c' },
    // Tags draw their text in the status or preset colour on its palest tint.
    Tag: { colorWarning: '#874d00', gold7: '#874d00', orange7: '#ad4e00' },
  },
};

// Dark mode: no single green is both light enough for text on the dark surfaces and dark
// enough under white button text, so text and accents use a light green and filled buttons
// (and the date picker's selected day) keep the light theme's green; the same for red.
const DARK_TEXT_GREEN = '#55c985';

const dark: ThemeConfig = {
  cssVar: { key: CSS_VAR_KEYS.dark },
  algorithm: theme.darkAlgorithm,
  token: {
    colorPrimary: DARK_TEXT_GREEN,
    colorPrimaryBg: '#17301f',
    colorLink: '#69b1ff',
    colorError: '#ff7875',
    colorTextTertiary: 'rgba(255, 255, 255, 0.55)',
    colorTextDescription: 'rgba(255, 255, 255, 0.55)',
    fontFamily: FONT_FAMILY,
  },
  components: {
    Button: {
      colorPrimary: WIFOX_GREEN,
      colorPrimaryHover: '#23854b',
      colorPrimaryActive: '#1a6b3c',
      // Outlined buttons take the accent on hover: the light green, as text on dark.
      defaultHoverColor: DARK_TEXT_GREEN,
      defaultHoverBorderColor: DARK_TEXT_GREEN,
      defaultActiveColor: DARK_TEXT_GREEN,
      defaultActiveBorderColor: DARK_TEXT_GREEN,
      // White on it 4.6:1; the danger icons in the list keep 4:1 on the dark surface.
      colorError: '#d9363e',
      colorErrorHover: '#c9302c',
      colorErrorActive: '#b32430',
    },
    DatePicker: { colorPrimary: WIFOX_GREEN },
    Tag: { purple7: '#ab7ae0' },
  },
};

export const consoleTheme = (mode: 'light' | 'dark'): ThemeConfig => (mode === 'dark' ? dark : light);
