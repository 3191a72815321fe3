import { lazy, Suspense } from 'react';
import { useSession } from '../common/SessionContext';

// Its form loads when a session first ends, not with the first screen.
const PromptDialog = lazy(() => import('./PromptDialog').then((m) => ({ default: m.PromptDialog })));

/**
 * Asks for the password again when the session ended while the console was in use. It opens
 * above the screen, so drawers and everything typed in them are still there afterwards.
 */
export function SessionPrompt() {
  const { interrupted } = useSession();
  if (!interrupted) return null;
  return (
    <Suspense fallback={null}>
      <PromptDialog message={interrupted.message} />
    </Suspense>
  );
}
