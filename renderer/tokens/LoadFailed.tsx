import { Button, Flex, Result } from 'antd';

/** The token list could not be loaded: why, and a way to try again. */
export function LoadFailed({ reasons, onRetry }: { reasons: readonly string[]; onRetry: () => void }) {
  return (
    <Result
      status="error"
      title="The tokens could not be loaded"
      subTitle={
        <Flex vertical gap={4}>
          {reasons.map((reason) => (
            <span key={reason}>{reason}</span>
          ))}
        </Flex>
      }
      extra={
        <Button type="primary" onClick={onRetry}>
          Retry
        </Button>
      }
    />
  );
}
