import { Button, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDisplayDateTime } from '../../../shared/domain';
import type { RecordedKey } from '../../../shared/ipc/signing-contract';
import { useBridgeCall } from '../../ipc/useBridgeCall';
import { useBridgeQuery } from '../../ipc/useBridgeQuery';

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function keyStatus(key: RecordedKey) {
  if (!key.trusted) return <Tag color="warning">Not trusted yet</Tag>;
  return key.retiredAt === null ? <Tag color="success">Signs now</Tag> : <Tag>Retired {formatDisplayDateTime(key.retiredAt, ZONE)}</Tag>;
}

/**
 * The inventory signing keys a profile recorded from its server, by fingerprint, so the admin
 * can compare them with what the server prints at start. A key announced after the first
 * connection is trusted only once accepted here.
 */
export function ServerKeys({ profileId }: { profileId: string }) {
  const call = useBridgeCall();
  const keys = useBridgeQuery((bridge) => bridge.profiles.signingKeys({ profileId }), profileId);
  const [error, setError] = useState<string | null>(null);
  if (keys.status !== 'success') return null;
  if (keys.data === null) {
    return (
      <Typography.Text type="secondary" data-testid="server-keys">
        Server signing key: recorded when this profile first connects.
      </Typography.Text>
    );
  }
  const accept = async (keyId: string) => {
    setError(null);
    const result = await call((bridge) => bridge.profiles.acceptSigningKey({ profileId, keyId }));
    if (result.ok) keys.update(() => result.value);
    else setError(result.error.message);
  };
  return (
    <section aria-label="Server signing keys" data-testid="server-keys">
      <Typography.Text type="secondary">
        Inventory signing keys of {keys.data.server} (compare the fingerprint with the one the server prints at start):
      </Typography.Text>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {keys.data.keys.map((key) => (
          <li key={key.keyId} style={{ padding: '6px 0' }}>
            <Flex vertical gap={2}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text code copyable aria-label={`Fingerprint of key ${key.keyId}`}>
                  {key.fingerprint}
                </Typography.Text>
                {keyStatus(key)}
                {!key.trusted && (
                  <Button size="small" onClick={() => void accept(key.keyId)}>
                    Accept key
                  </Button>
                )}
              </Flex>
              <Typography.Text type="secondary">
                Key {key.keyId}, created {formatDisplayDateTime(key.createdAt, ZONE)}, recorded here {formatDisplayDateTime(key.recordedAt, ZONE)}
              </Typography.Text>
            </Flex>
          </li>
        ))}
      </ul>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </section>
  );
}
