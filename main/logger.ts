import type { Logger } from './ports';
import { redact } from './redact';

type Level = 'info' | 'warn' | 'error';

// Line-oriented JSON logs; every line goes through redact() as a last guard.
export const createConsoleLogger = (write: (level: Level, line: string) => void): Logger => {
  const log = (level: Level) => (message: string, context?: Record<string, unknown>) => {
    write(level, redact(JSON.stringify({ at: new Date().toISOString(), level, message, ...(context ? { context } : {}) })));
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
};

export const stderrLogger = (): Logger =>
  createConsoleLogger((level, line) => {
    if (level === 'info') process.stdout.write(`${line}\n`);
    else process.stderr.write(`${line}\n`);
  });
