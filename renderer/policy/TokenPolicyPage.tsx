import { Alert, Button, Checkbox, Flex, Form, InputNumber, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import type { TokenPolicy } from '../../shared/api/token-policy';
import { formatDisplayDateTime } from '../../shared/domain';
import { useBridgeCall } from '../ipc/useBridgeCall';
import { useBridgeQuery } from '../ipc/useBridgeQuery';
import { checkDraft, draftOf, type PolicyDraft } from './policyDraft';
import { WidestRangeField } from './WidestRangeField';

/** Settings → Token policy: the limits every new or edited token must keep. */
export function TokenPolicyPage() {
  const query = useBridgeQuery((bridge) => bridge.policy.get());
  const org = useBridgeQuery((bridge) => bridge.settings.org());
  // Kept here: a save gives a new version, and the form starts again from it.
  const [saved, setSaved] = useState(false);
  if (query.status === 'loading') return <Skeleton active />;
  if (query.status === 'error') {
    return (
      <Alert
        type="error"
        showIcon
        title={`The token policy could not be loaded. ${query.error.message}`}
        action={<Button onClick={query.reload}>Retry</Button>}
      />
    );
  }
  // Keyed by version: a reload after someone else's change starts from their rules.
  return (
    <PolicyForm
      key={query.data.version}
      policy={query.data}
      timeZone={org.data?.timeZone ?? 'UTC'}
      saved={saved}
      onSaved={(policy) => {
        setSaved(true);
        query.update(() => policy);
      }}
      onEdit={() => setSaved(false)}
      onReload={query.reload}
    />
  );
}

function PolicyForm({
  policy,
  timeZone,
  saved,
  onSaved,
  onEdit,
  onReload,
}: {
  policy: TokenPolicy;
  timeZone: string;
  saved: boolean;
  onSaved: (saved: TokenPolicy) => void;
  onEdit: () => void;
  onReload: () => void;
}) {
  const call = useBridgeCall();
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(policy));
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'saved' | 'error' | 'conflict'; text: string } | null>(() =>
    saved ? { kind: 'saved', text: 'The token policy was saved. It applies to tokens created or edited from now on.' } : null,
  );
  const readOnly = !policy.editable;
  const check = checkDraft(draft);
  const set = (patch: Partial<PolicyDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    if (outcome?.kind === 'saved') {
      setOutcome(null);
      onEdit();
    }
  };

  const save = async () => {
    if (check.rules === null || saving) return;
    const rules = check.rules;
    setSaving(true);
    const result = await call((bridge) => bridge.policy.update({ version: policy.version, rules }));
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else {
      // What was chosen stays on screen; a conflict offers to load the other admin's rules.
      setOutcome({ kind: result.error.code === 'conflict' ? 'conflict' : 'error', text: result.error.message });
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Token policy
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Limits every new or edited token must keep. The server refuses a token that breaks them and names the rule; existing tokens are not
        changed, they are flagged “Breaks token policy” in the token list.
      </Typography.Paragraph>
      {readOnly && <Alert type="info" showIcon title="Read only: changing the token policy needs Manage all on Security." />}
      {outcome && (
        <Alert
          type={outcome.kind === 'saved' ? 'success' : 'error'}
          showIcon
          role={outcome.kind === 'saved' ? 'status' : 'alert'}
          title={outcome.text}
          action={outcome.kind === 'conflict' ? <Button onClick={onReload}>Reload</Button> : undefined}
        />
      )}
      <Form layout="vertical" component="div" disabled={readOnly}>
        <Form.Item
          label="Maximum lifetime"
          validateStatus={check.errors.maxLifetimeDays ? 'error' : undefined}
          help={check.errors.maxLifetimeDays}
          extra="With a limit, every new or edited token needs an expiry date no later than this many days from today (organisation's time zone)."
        >
          <Space wrap>
            <Checkbox checked={draft.limitLifetime} onChange={(event) => set({ limitLifetime: event.target.checked })}>
              Limit the lifetime of tokens
            </Checkbox>
            <InputNumber
              aria-label="Maximum lifetime in days"
              min={1}
              precision={0}
              value={draft.maxLifetimeDays}
              disabled={readOnly || !draft.limitLifetime}
              onChange={(value) => set({ maxLifetimeDays: value })}
              suffix="days"
            />
          </Space>
        </Form.Item>
        <Form.Item extra="An empty whitelist lets a token in from any address.">
          <Checkbox checked={draft.requireWhitelist} onChange={(event) => set({ requireWhitelist: event.target.checked })}>
            Require a whitelist
          </Checkbox>
        </Form.Item>
        <WidestRangeField
          family={4}
          limited={draft.limitIpv4}
          prefix={draft.widestIpv4Prefix}
          error={check.errors.widestIpv4Prefix}
          readOnly={readOnly}
          onLimited={(limitIpv4) => set({ limitIpv4 })}
          onPrefix={(widestIpv4Prefix) => set({ widestIpv4Prefix })}
        />
        <WidestRangeField
          family={6}
          limited={draft.limitIpv6}
          prefix={draft.widestIpv6Prefix}
          error={check.errors.widestIpv6Prefix}
          readOnly={readOnly}
          onLimited={(limitIpv6) => set({ limitIpv6 })}
          onPrefix={(widestIpv6Prefix) => set({ widestIpv6Prefix })}
        />
      </Form>
      {!readOnly && (
        <Space>
          <Button type="primary" onClick={() => void save()} disabled={check.rules === null || saving} loading={saving}>
            Save policy
          </Button>
        </Space>
      )}
      {policy.updatedAt && (
        <Typography.Text type="secondary">
          Last changed {formatDisplayDateTime(policy.updatedAt, timeZone)}
          {policy.updatedBy ? ` by ${policy.updatedBy}` : ''}.
        </Typography.Text>
      )}
    </Flex>
  );
}
