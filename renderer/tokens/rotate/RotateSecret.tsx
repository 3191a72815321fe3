import { Alert, Button, Modal, Radio, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { OVERLAP_CHOICES } from '../../../shared/api/rotation';
import { useBridgeCall } from '../../ipc/useBridgeCall';
import { RevealHost, type RevealHandle } from '../../common/reveal/RevealDialog';
import { OVERLAP_LABELS, overlapRunning, rotatingText } from '../../common/token-list/overlapText';

type Props = {
  token: IdentificationToken;
  timeZone: string;
  /** The token after a rotation or an ended overlap (a new version): the drawer edits from it. */
  onChanged: (token: IdentificationToken) => void;
};

const conflictText = 'Someone else changed this token since you opened it. Reload it (close and reopen the drawer), then try again.';

/**
 * Rotate secret, in the edit drawer: a new secret is shown once in the copy-once dialog; the
 * old one keeps working for the overlap chosen. While it runs, the overlap can be ended early.
 */
export function RotateSecret({ token, timeZone, onChanged }: Props) {
  const call = useBridgeCall();
  const reveal = useRef<RevealHandle>(null);
  const [choosing, setChoosing] = useState(false);
  const [overlapHours, setOverlapHours] = useState<number>(1);
  const [busy, setBusy] = useState<'rotate' | 'end' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const rotate = async () => {
    setBusy('rotate');
    setError(null);
    const result = await call((bridge) => bridge.tokens.rotateSecret({ id: token.id, version: token.version, overlapHours }));
    setBusy(null);
    if (!result.ok) {
      setError(result.error.code === 'conflict' ? conflictText : result.error.message);
      return;
    }
    setChoosing(false);
    onChanged(result.value.token);
    reveal.current?.show({ tokenName: token.name, secret: result.value.secret, title: `New secret for ${token.name}` });
  };

  const endOverlap = async () => {
    setBusy('end');
    setError(null);
    const result = await call((bridge) => bridge.tokens.endOverlap({ id: token.id, version: token.version }));
    setBusy(null);
    if (!result.ok) {
      setError(result.error.code === 'conflict' ? conflictText : result.error.message);
      return;
    }
    onChanged(result.value);
  };

  const running = overlapRunning(token);
  return (
    <section aria-label="Secret" style={{ marginBottom: 16 }}>
      <Button onClick={() => { setError(null); setChoosing(true); }}>Rotate secret</Button>
      {running && token.previousSecret && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={rotatingText(token.previousSecret.validUntil, timeZone)}
          description={`Clients still using ${token.previousSecret.hint}… keep working until then.`}
          action={
            <Button size="small" danger loading={busy === 'end'} onClick={() => void endOverlap()}>
              End overlap now
            </Button>
          }
        />
      )}
      {error && !choosing && <Alert role="alert" type="error" showIcon style={{ marginTop: 8 }} title={error} />}
      <Modal
        open={choosing}
        title={`Rotate the secret of ${token.name}`}
        okText="Rotate secret"
        okButtonProps={{ loading: busy === 'rotate' }}
        onOk={() => void rotate()}
        onCancel={() => setChoosing(false)}
        mask={{ closable: false }}
      >
        <Typography.Paragraph>
          A new secret is generated and shown once. Name, role, whitelist, expiry and history stay. How long should the old secret keep working?
        </Typography.Paragraph>
        <Radio.Group
          aria-label="Old secret keeps working"
          value={overlapHours}
          onChange={(event) => setOverlapHours(Number(event.target.value))}
          options={OVERLAP_CHOICES.map((hours) => ({ value: hours, label: OVERLAP_LABELS[hours] ?? `${hours} hours` }))}
        />
        {running && (
          <Typography.Paragraph type="warning" style={{ marginTop: 12, marginBottom: 0 }}>
            The overlap running now ends: the secret replaced earlier stops at once.
          </Typography.Paragraph>
        )}
        {error && <Alert role="alert" type="error" showIcon style={{ marginTop: 12 }} title={error} />}
      </Modal>
      <RevealHost ref={reveal} />
    </section>
  );
}
