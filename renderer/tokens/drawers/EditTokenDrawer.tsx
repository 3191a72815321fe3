import { Alert, Button, Drawer, Space, Tabs, Typography } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { useBridgeCall } from '../../ipc/useBridgeCall';
import { Loading } from '../../common/Loading';
import { TokenFormFields } from '../form/TokenFormFields';
import { changedFields, formValuesOf, isEdited, rebaseValues } from '../form/tokenFormModel';
import { useFormContext, type TokenFormInputs } from '../form/useFormContext';
import { useTokenForm } from '../form/useTokenForm';
import { RotateSecret } from '../rotate/RotateSecret';
import { remoteChanges } from './remoteChanges';
import { TOKEN_DRAWER_WIDTH } from './drawerWidth';
import { useConfirmDiscard } from './useConfirmDiscard';

// Details and test access load when their tab first opens: the first screen does not need them.
const TokenDetails = lazy(() => import('../details/TokenDetails').then((m) => ({ default: m.TokenDetails })));
const TokenUsage = lazy(() => import('../usage/TokenUsage').then((m) => ({ default: m.TokenUsage })));
const TestAccess = lazy(() => import('../details/TestAccess').then((m) => ({ default: m.TestAccess })));

type Conflict = { status: 'open' } | { status: 'reloading' } | { status: 'failed'; message: string };

export function EditTokenDrawer({
  token,
  inputs,
  onClose,
  onSaved,
  onReloaded,
}: {
  token: IdentificationToken;
  inputs: TokenFormInputs;
  onClose: () => void;
  onSaved: (token: IdentificationToken) => void;
  /** A fresher copy arrived (after a conflict): the list shows it too. */
  onReloaded: (token: IdentificationToken) => void;
}) {
  const call = useBridgeCall();
  // The version the edit is based on; Save sends it so a concurrent change is not overwritten.
  const [base, setBase] = useState(token);
  const [baseValues, setBaseValues] = useState(() => formValuesOf(token));
  const { context, roleChoices, today } = useFormContext(inputs, base);
  const form = useTokenForm(() => formValuesOf(token), context);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // Main's sentence for the conflict (it says to reload); the alert adds what happens to the edits.
  const [conflictText, setConflictText] = useState('');
  const [reloadNote, setReloadNote] = useState<string | null>(null);

  // The Details tab shows the token as the server has it now (last use moves on without a new
  // version): fetched when the drawer opens and whenever the window gets the focus back.
  const [fresh, setFresh] = useState(token);
  const [freshCount, setFreshCount] = useState(0);
  const latest = useRef({ call, id: token.id, onReloaded });
  useEffect(() => {
    latest.current = { call, id: token.id, onReloaded };
  });
  useEffect(() => {
    let open = true;
    const load = async () => {
      const { call: callNow, id, onReloaded: reloaded } = latest.current;
      const result = await callNow((bridge) => bridge.tokens.get({ id }));
      if (!open || !result.ok) return;
      setFresh(result.value);
      setFreshCount((n) => n + 1);
      reloaded(result.value);
    };
    void load();
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      open = false;
      window.removeEventListener('focus', onFocus);
    };
  }, []);

  const changes = changedFields(base, form.values, form.validation);
  const hasChanges = Object.keys(changes).length > 0;
  const requestClose = useConfirmDiscard(isEdited(baseValues, form.values), onClose);

  const save = async () => {
    form.touchAll();
    if (!form.validation.valid || !hasChanges || saving) return;
    setSaving(true);
    setReloadNote(null);
    const result = await call((bridge) => bridge.tokens.update({ id: base.id, version: base.version, changes }));
    setSaving(false);
    if (result.ok) {
      onSaved(result.value);
    } else if (result.error.code === 'conflict') {
      setConflictText(result.error.message);
      setConflict({ status: 'open' });
    } else {
      form.showServerError(result.error);
    }
  };

  const reload = async () => {
    setConflict({ status: 'reloading' });
    const result = await call((bridge) => bridge.tokens.get({ id: base.id }));
    if (!result.ok) {
      setConflict({ status: 'failed', message: result.error.message });
      return;
    }
    const changed = remoteChanges(base, result.value);
    const freshValues = formValuesOf(result.value);
    form.replace(rebaseValues(form.values, baseValues, freshValues));
    setBase(result.value);
    setBaseValues(freshValues);
    setConflict(null);
    setReloadNote(
      `Reloaded version ${result.value.version}.` +
        (changed.length > 0 ? ` Changed by someone else: ${changed.join(', ')}.` : '') +
        ' Your edits are still on screen: check them, then save again.',
    );
    onReloaded(result.value);
  };

  const settings = (
    <>
      <Typography.Paragraph type="secondary">
        Saving does not change the token’s secret: applications using it keep working with the new settings.
      </Typography.Paragraph>
      <RotateSecret
        token={base}
        timeZone={inputs.timeZone}
        onChanged={(changed) => {
          setBase(changed);
          onReloaded(changed);
        }}
      />
      {conflict && (
        <Alert
          role="alert"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={conflictText}
          description={
            conflict.status === 'failed' ? `The token could not be reloaded: ${conflict.message}` : 'What you typed here stays as it is.'
          }
          action={
            <Button size="small" loading={conflict.status === 'reloading'} onClick={() => void reload()}>
              Reload token
            </Button>
          }
        />
      )}
      {reloadNote && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={reloadNote} />}
      <TokenFormFields form={form} roleChoices={roleChoices} today={today} timeZone={inputs.timeZone} />
    </>
  );

  return (
    <Drawer
      open
      title="Edit Identification Token"
      placement="right"
      size={TOKEN_DRAWER_WIDTH}
      onClose={requestClose}
      closable={{ 'aria-label': 'Close' }}
      mask={{ closable: false }}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={requestClose}>Cancel</Button>
          <Button type="primary" onClick={() => void save()} disabled={!form.validation.valid || !hasChanges || saving} loading={saving}>
            Save
          </Button>
        </Space>
      }
    >
      <Tabs
        items={[
          { key: 'settings', label: 'Settings', children: settings },
          {
            key: 'details',
            label: 'Details',
            children: (
              <Suspense fallback={<Loading label="Loading details" />}>
                <TokenDetails token={fresh.version >= base.version ? fresh : base} timeZone={inputs.timeZone} refreshKey={freshCount} />
              </Suspense>
            ),
          },
          {
            key: 'usage',
            label: 'Usage',
            children: (
              <Suspense fallback={<Loading label="Loading usage" />}>
                <TokenUsage tokenId={base.id} timeZone={inputs.timeZone} refreshKey={freshCount} />
              </Suspense>
            ),
          },
          {
            key: 'test',
            label: 'Test access',
            children: (
              <Suspense fallback={<Loading label="Loading test access" />}>
                <TestAccess token={base} roles={inputs.roles} timeZone={inputs.timeZone} />
              </Suspense>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
