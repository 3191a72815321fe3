import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// antd's id hook answers the same "test-id" for every element when NODE_ENV is "test", so
// every aria-labelledby would point at the first of them: dialogs and fields would lose their
// accessible names, the very thing these tests look for.
const nodeProcess = (globalThis as { process?: { env: Record<string, string | undefined> } }).process;
if (nodeProcess) nodeProcess.env.NODE_ENV = 'development';

// jsdom lacks a few browser APIs antd relies on; these stand-ins answer like a desktop window
// with the light colour scheme.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

if (!('ResizeObserver' in window)) {
  class ResizeObserverStandIn {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStandIn });
  Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStandIn });
}

// jsdom throws "Not implemented" for pseudo-element styles (antd measures scrollbars with them).
const realGetComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element, pseudoElement?: string | null): CSSStyleDeclaration =>
  realGetComputedStyle(element, pseudoElement ? undefined : pseudoElement);

if (!Element.prototype.scrollTo) {
  Element.prototype.scrollTo = function scrollTo(): void {};
}

// Sections and drawer tabs load on demand (React.lazy): the first dynamic import of a test file
// is transformed by Vitest then, which can take seconds on a busy machine.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
