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

// The first screen's calls leave now, before React draws. Main usually answers them all within
// a few tens of milliseconds: the first render waits for them (at most FIRST_RENDER_WAIT_MS)
// and shows them at once, rather than drawing, committing and laying out a loading screen and
// an empty list that the next renders replace (10,000 tokens: the first rows about 100 ms
// sooner, with a quarter less work on the renderer's thread before them).
const FIRST_RENDER_WAIT_MS = 250;
const headStart = withHeadStart(window.wifox, firstScreenCalls(loadSection()));
void headStart.settled(FIRST_RENDER_WAIT_MS).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App bridge={headStart.bridge} first={headStart.answers} />
    </StrictMode>,
  ),
);
