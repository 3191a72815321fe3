import { CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Typography } from 'antd';
import { useImperativeHandle, useState, type Ref } from 'react';
import { useBridgeCall } from '../../ipc/useBridgeCall';
import { monospace } from '../styles';


// `title`: what happened (a new token by default; a rotation says so).
export type Revealed = { tokenName: string; secret: string; title?: string };

function copiedText(clearsInSeconds: number | null): string {
  if (clearsInSeconds === null) return 'Copied — the clipboard is not cleared automatically.';
  return clearsInSeconds >= 60 && clearsInSeconds % 60 === 0
    ? `Copied — the clipboard clears in ${clearsInSeconds / 60} min`
    : `Copied — the clipboard clears in ${clearsInSeconds} s`;
}

export type RevealHandle = { show: (revealed: Revealed) => void };

/**
 * Holds a new token's secret while it is shown, and nowhere else: the page hands it over with
 * `show()` and keeps no copy; closing the dialog drops it, so it cannot be shown again.
 */
export function RevealHost({ ref, onClosed }: { ref: Ref<RevealHandle>; onClosed?: (tokenName: string) => void }) {
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  useImperativeHandle(ref, () => ({ show: setRevealed }), []);
  if (revealed === null) return null;
  return (
    <RevealDialog
      revealed={revealed}
      onClose={() => {
        setRevealed(null);
        // The element focused before the dialog (the drawer's Generate button) is gone: the
        // page says where focus goes once the dialog has left the DOM.
        requestAnimationFrame(() => onClosed?.(revealed.tokenName));
      }}
    />
  );
}

/**
 * Shows the secret once. Clicking outside or pressing Escape does not close it, and closing
 * before copying asks first.
 */
function RevealDialog({ revealed, onClose }: { revealed: Revealed; onClose: () => void }) {
  const call = useBridgeCall();
  const [copied, setCopied] = useState<string | null>(null);
  const [keptInHistory, setKeptInHistory] = useState(false);
  const [copyError, setCopyError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const copy = async () => {
    setCopyError(null);
    const result = await call((bridge) => bridge.clipboard.copySecret({ secret: revealed.secret }));
    if (result.ok) {
      const text = copiedText(result.value.clearsInSeconds);
      setCopied(text);
      setKeptInHistory(!result.value.historyExcluded);
    } else {
      setCopyError(`The token could not be copied: ${result.error.message}`);
    }
  };

  const requestClose = () => (copied ? onClose() : setConfirming(true));

  return (
    <>
      <Modal
        open
        title={revealed.title ?? `Token generated: ${revealed.tokenName}`}
        mask={{ closable: false }}
        keyboard={false}
        closable={false}
        footer={[
          <Button key="close" onClick={requestClose}>
            Close
          </Button>,
          <Button key="copy" type="primary" icon={<CopyOutlined aria-hidden />} aria-label="Copy" onClick={() => void copy()}>
            Copy
          </Button>,
        ]}
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="This is the only time the token is shown in full. Copy it now and store it somewhere safe: it cannot be shown again."
        />
        <Input.TextArea
          readOnly
          aria-label="Token secret"
          value={revealed.secret}
          autoSize
          spellCheck={false}
          style={{ ...monospace, wordBreak: 'break-all' }}
          onFocus={(event) => event.target.select()}
        />
        <div role="status" style={{ minHeight: 22, marginTop: 8 }}>
          {copied && <Typography.Text type="success">{copied}</Typography.Text>}
          {copied && keptInHistory && (
            <Typography.Paragraph type="warning" style={{ marginTop: 4, marginBottom: 0 }}>
              This desktop cannot keep copies out of clipboard history: it may keep a copy of the token. Clear it there after pasting.
            </Typography.Paragraph>
          )}
          {copyError && <Typography.Text type="danger">{copyError}</Typography.Text>}
        </div>
      </Modal>
      <Modal
        open={confirming}
        title="Close without copying?"
        mask={{ closable: false }}
        closable={false}
        keyboard={false}
        zIndex={1100}
        footer={[
          <Button key="back" onClick={() => setConfirming(false)}>
            Go back
          </Button>,
          <Button key="close" danger type="primary" onClick={onClose}>
            Close anyway
          </Button>,
        ]}
      >
        You have not copied the token. Close anyway?
      </Modal>
    </>
  );
}
