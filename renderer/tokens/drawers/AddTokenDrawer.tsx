import { Button, Drawer, Space } from 'antd';
import { useState } from 'react';
import type { CreateTokenResponse } from '../../../shared/api/tokens';
import { useBridgeCall } from '../../ipc/useBridgeCall';
import { TokenFormFields } from '../form/TokenFormFields';
import { descriptionValue, emptyFormValues, isEdited, ownerValue } from '../form/tokenFormModel';
import { useFormContext, type TokenFormInputs } from '../form/useFormContext';
import { useTokenForm } from '../form/useTokenForm';
import { TOKEN_DRAWER_WIDTH } from './drawerWidth';
import { useConfirmDiscard } from './useConfirmDiscard';

const EMPTY = emptyFormValues();

export function AddTokenDrawer({
  inputs,
  onClose,
  onCreated,
}: {
  inputs: TokenFormInputs;
  onClose: () => void;
  /** Receives the secret once, to hand straight to the reveal dialog. */
  onCreated: (created: CreateTokenResponse) => void;
}) {
  const call = useBridgeCall();
  const { context, roleChoices, today } = useFormContext(inputs);
  const form = useTokenForm(emptyFormValues, context);
  const [submitting, setSubmitting] = useState(false);
  const requestClose = useConfirmDiscard(isEdited(EMPTY, form.values), onClose);

  const submit = async () => {
    form.touchAll();
    const { values, validation } = form;
    if (!validation.valid || submitting || values.roleId === null) return;
    const owner = ownerValue(values);
    const description = descriptionValue(values);
    setSubmitting(true);
    const result = await call((bridge) =>
      bridge.tokens.create({
        name: values.name,
        roleId: values.roleId as number,
        expiresOn: values.expiresOn,
        whitelist: validation.canonicalWhitelist,
        // Sent only when given, so a server that predates owners still accepts the rest.
        ...(owner ? { owner } : {}),
        ...(description ? { description } : {}),
      }),
    );
    setSubmitting(false);
    if (result.ok) onCreated(result.value);
    else form.showServerError(result.error);
  };

  return (
    <Drawer
      open
      title="Add Identification Token"
      placement="right"
      size={TOKEN_DRAWER_WIDTH}
      onClose={requestClose}
      closable={{ 'aria-label': 'Close' }}
      mask={{ closable: false }}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={requestClose}>Cancel</Button>
          <Button type="primary" onClick={() => void submit()} disabled={!form.validation.valid || submitting} loading={submitting}>
            Generate token
          </Button>
        </Space>
      }
    >
      <TokenFormFields form={form} roleChoices={roleChoices} today={today} timeZone={inputs.timeZone} />
    </Drawer>
  );
}
