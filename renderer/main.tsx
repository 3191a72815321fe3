// First, before any component module: in development the CSP blocks the inline script that
// sets up fast refresh, so it is loaded as a module instead (empty in production builds).
import '@vitejs/plugin-react/preamble';
// antd's styles for the console's themes, written by the build (scripts/antd-styles.ts).
import 'virtual:antd-styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App';
import { firstScreenCalls } from './app/firstScreenCalls';
import { withHeadStart } from './ipc/headStart';
import { loadSection } from './layout/sections';

// The page's CSP forbids eval: zod must not even probe for it (a probe is reported as a
// violation), so it validates without compiling.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

// The first screen's calls leave now, before React draws: main answers while it renders.
const bridge = withHeadStart(window.wifox, firstScreenCalls(loadSection()));

createRoot(root).render(
  <StrictMode>
    <App bridge={bridge} />
  </StrictMode>,
);
