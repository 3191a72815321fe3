import { Alert, Button, Checkbox, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { LeakFinding } from '../../shared/ipc/leaks-contract';
import { formatDisplayDateTime } from '../../shared/domain';
import { useBridgeCall } from '../ipc/useBridgeCall';
import { useBridgeQuery } from '../ipc/useBridgeQuery';
import { RevealHost, type RevealHandle } from '../common/reveal/RevealDialog';
import { findingText, isLive } from './leakText';

// Findings are told apart by position: two secrets may share a hint.
type Outcome = { index: number; text: string; ok: boolean };
type Row = LeakFinding & { index: number };

const STATUS_TAGS: Record<LeakFinding['status'], { color: string; label: string }> = {
  current: { color: 'error', label: 'Live' },
  previous: { color: 'error', label: 'Live (old secret)' },
  revoked: { color: 'default', label: 'Already revoked' },
  unknown: { color: 'default', label: 'Unknown' },
  malformed: { color: 'warning', label: 'Malformed' },
};

/**
 * Security → Leaked secret. The pasted text goes to main, which finds the wfx_ secrets, hashes
 * them and asks the server about the hashes only; this page never sees a secret again (the
 * text box aside) and keeps none: the findings carry hints.
 */
export function LeakedSecretPage() {
  const call = useBridgeCall();
  // Instants are shown in the organisation's time zone, as in the token list.
  const org = useBridgeQuery((bridge) => bridge.settings.org());
  const timeZone = org.status === 'success' ? org.data.timeZone : 'UTC';
  const reveal = useRef<RevealHandle>(null);
  const pending = useRef<{ tokenName: string; secret: string }[]>([]);
  const [text, setText] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [findings, setFindings] = useState<Row[] | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [revoking, setRevoking] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  const check = async () => {
    setChecking(true);
    setError(null);
    setOutcomes([]);
    const result = await call((bridge) => bridge.leaks.check({ text }));
    setChecking(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const rows = result.value.findings.map((finding, index) => ({ ...finding, index }));
    setFindings(rows);
    setChosen(new Set(rows.filter(isLive).map((finding) => finding.index)));
  };

  const showNextSecret = () => {
    const next = pending.current.shift();
    if (next) reveal.current?.show({ ...next, title: `New secret for ${next.tokenName}` });
  };

  const revoke = async (how: 'delete' | 'rotate') => {
    const targets = (findings ?? []).filter((finding) => isLive(finding) && chosen.has(finding.index) && finding.token);
    setRevoking(true);
    const done: Outcome[] = [];
    for (const finding of targets) {
      const token = finding.token;
      if (!token) continue;
      if (finding.status === 'previous') {
        // An old secret leaked: ending the overlap kills it; the token and its new secret stay.
        const result = await call((bridge) => bridge.tokens.endOverlap({ id: token.id, version: token.version }));
        done.push(result.ok
          ? { index: finding.index, ok: true, text: `${finding.hint}…: overlap of “${token.name}” ended, the old secret is refused.` }
          : { index: finding.index, ok: false, text: `${finding.hint}…: ${result.error.message}` });
      } else if (how === 'delete') {
        const result = await call((bridge) => bridge.tokens.delete({ id: token.id }));
        done.push(result.ok
          ? { index: finding.index, ok: true, text: `${finding.hint}…: “${token.name}” deleted.` }
          : { index: finding.index, ok: false, text: `${finding.hint}…: ${result.error.message}` });
      } else {
        const result = await call((bridge) => bridge.tokens.rotateSecret({ id: token.id, version: token.version, overlapHours: 0 }));
        if (result.ok) {
          pending.current.push({ tokenName: token.name, secret: result.value.secret });
          done.push({ index: finding.index, ok: true, text: `${finding.hint}…: “${token.name}” has a new secret; the leaked one is refused.` });
        } else {
          done.push({ index: finding.index, ok: false, text: `${finding.hint}…: ${result.error.message}` });
        }
      }
    }
    setRevoking(false);
    setOutcomes(done);
    const revoked = new Set(done.filter((outcome) => outcome.ok).map((outcome) => outcome.index));
    setFindings((current) =>
      (current ?? []).map((finding): Row =>
        revoked.has(finding.index)
          ? { index: finding.index, hint: finding.hint, status: 'revoked', revokedBecause: how === 'delete' && finding.status === 'current' ? 'deleted' : 'rotated', tokenName: finding.token?.name }
          : finding,
      ),
    );
    setChosen(new Set());
    showNextSecret();
  };

  const live = (findings ?? []).filter(isLive);
  const chosenCount = live.filter((finding) => chosen.has(finding.index)).length;

  return (
    <div style={{ padding: 24, maxWidth: 1100 }}>
      <Typography.Title level={3}>Leaked secret</Typography.Title>
      <Typography.Paragraph type="secondary">
        Paste a secret, or a whole text holding several (a commit, a ticket, a chat). The console finds the wfx_ secrets in it and sends only their SHA-256 hashes to the server, never the secrets.
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="Text to check for leaked secrets"
        value={text}
        onChange={(event) => setText(event.target.value)}
        autoSize={{ minRows: 5, maxRows: 14 }}
        spellCheck={false}
        autoComplete="off"
      />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" loading={checking} disabled={text.trim() === ''} onClick={() => void check()}>
          Find secrets
        </Button>
        <Button onClick={() => { setText(''); setFindings(null); setOutcomes([]); setError(null); }} disabled={text === '' && findings === null}>
          Clear
        </Button>
      </Space>
      {error && <Alert role="alert" type="error" showIcon style={{ marginTop: 16 }} title={error} />}
      {findings !== null && findings.length === 0 && (
        <Alert type="info" showIcon style={{ marginTop: 16 }} title="No wfx_ secret was found in this text." />
      )}
      {findings !== null && findings.length > 0 && (
        <>
          <Table<Row>
            style={{ marginTop: 16 }}
            rowKey="index"
            size="small"
            pagination={false}
            dataSource={findings}
            aria-label="Secrets found"
            columns={[
              {
                key: 'choose',
                width: 48,
                render: (_: unknown, finding) =>
                  isLive(finding) ? (
                    <Checkbox
                      aria-label={`Revoke ${finding.hint}… (${finding.token?.name ?? ''})`}
                      checked={chosen.has(finding.index)}
                      onChange={(event) =>
                        setChosen((current) => {
                          const next = new Set(current);
                          if (event.target.checked) next.add(finding.index);
                          else next.delete(finding.index);
                          return next;
                        })
                      }
                    />
                  ) : null,
              },
              { key: 'hint', title: 'Secret', render: (_: unknown, finding) => <Typography.Text code>{finding.hint}…</Typography.Text> },
              {
                key: 'status',
                title: 'Status',
                render: (_: unknown, finding) => (
                  <Space orientation="vertical" size={0}>
                    <Tag color={STATUS_TAGS[finding.status].color}>{STATUS_TAGS[finding.status].label}</Tag>
                    <Typography.Text type="secondary">{findingText(finding, timeZone)}</Typography.Text>
                  </Space>
                ),
              },
              { key: 'token', title: 'Token', render: (_: unknown, finding) => finding.token?.name ?? finding.tokenName ?? '' },
              { key: 'role', title: 'Role', render: (_: unknown, finding) => finding.token?.roleName ?? '' },
              {
                key: 'whitelist',
                title: 'Whitelist',
                render: (_: unknown, finding) => (finding.token ? (finding.token.whitelist.length === 0 ? 'Any address' : finding.token.whitelist.join(', ')) : ''),
              },
              {
                key: 'lastUse',
                title: 'Last use',
                render: (_: unknown, finding) =>
                  finding.token
                    ? finding.token.lastUsedAt
                      ? `${formatDisplayDateTime(finding.token.lastUsedAt, timeZone)} from ${finding.token.lastUsedIp ?? '?'}`
                      : 'Never used'
                    : '',
              },
            ]}
          />
          {live.length > 0 && (
            <Space style={{ marginTop: 12 }} wrap>
              <Popconfirm
                title={`Delete ${chosenCount} token${chosenCount === 1 ? '' : 's'}?`}
                description="Applications using them are refused from the next request."
                okText="Delete"
                okButtonProps={{ danger: true }}
                onConfirm={() => void revoke('delete')}
              >
                <Button danger type="primary" disabled={chosenCount === 0} loading={revoking}>
                  Delete chosen tokens
                </Button>
              </Popconfirm>
              <Button disabled={chosenCount === 0} loading={revoking} onClick={() => void revoke('rotate')}>
                Rotate chosen secrets (no overlap)
              </Button>
              <Typography.Text type="secondary">An old secret still in its overlap is revoked by ending the overlap either way.</Typography.Text>
            </Space>
          )}
        </>
      )}
      {outcomes.length > 0 && (
        <div role="status" style={{ marginTop: 16 }}>
          {outcomes.map((outcome) => (
            <Typography.Paragraph key={outcome.index} type={outcome.ok ? 'success' : 'danger'} style={{ marginBottom: 4 }}>
              {outcome.text}
            </Typography.Paragraph>
          ))}
        </div>
      )}
      <RevealHost ref={reveal} onClosed={() => showNextSecret()} />
    </div>
  );
}
