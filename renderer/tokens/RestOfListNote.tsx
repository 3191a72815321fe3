import { Alert, Button } from 'antd';

const count = (n: number): string => n.toLocaleString('en-GB');

/** Above a list whose first rows are shown while the others still arrive from main. */
export function RestOfListNote({ loaded, total, error, onRetry }: { loaded: number; total: number; error: { message: string } | null; onRetry: () => void }) {
  if (error !== null) {
    return (
      <Alert
        type="warning"
        showIcon
        title={`Only ${count(loaded)} of ${count(total)} tokens could be loaded.`}
        description={error.message}
        action={<Button onClick={onRetry}>Load all again</Button>}
      />
    );
  }
  return <Alert type="info" showIcon role="status" title={`Loading tokens… ${count(loaded)} of ${count(total)}`} />;
}
