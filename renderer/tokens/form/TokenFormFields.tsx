import { Alert, Form } from 'antd';
import { useId } from 'react';
import { policyHints, type IsoDate } from '../../../shared/domain';
import { ExpiryField } from './ExpiryField';
import { NameField } from './NameField';
import { DescriptionField, OwnerField } from './OwnerFields';
import { RoleField, type RoleChoice } from './RoleField';
import type { TokenForm } from './useTokenForm';
import { WhitelistEditor } from './WhitelistEditor';

export function TokenFormFields({
  form,
  roleChoices,
  today,
  timeZone,
}: {
  form: TokenForm;
  roleChoices: readonly RoleChoice[];
  today: IsoDate;
  timeZone: string;
}) {
  const id = useId();
  const { values, errors, validation } = form;
  const { policy, now } = form.context;
  const hints = policy ? policyHints(policy, now, timeZone) : null;
  const policyLines = hints ? [hints.expiry, hints.whitelist].filter((line): line is string => line !== null) : [];
  return (
    <Form layout="vertical" component="div">
      {form.general && (
        <Alert
          role="alert"
          type="error"
          showIcon
          title={form.general}
          description="Everything you entered is still here."
          closable={{ onClose: form.clearGeneral, 'aria-label': 'Dismiss error' }}
          style={{ marginBottom: 16 }}
        />
      )}
      {policyLines.length > 0 && (
        <Alert
          type="info"
          showIcon
          title="This organisation's token policy applies"
          description={policyLines.map((line) => <div key={line}>{line}</div>)}
          style={{ marginBottom: 16 }}
        />
      )}
      <NameField
        id={`${id}-name`}
        value={values.name}
        error={errors.name}
        onChange={(name) => form.set('name', name)}
        onBlur={() => form.touch('name')}
      />
      <RoleField
        id={`${id}-role`}
        value={values.roleId}
        choices={roleChoices}
        error={errors.roleId}
        onChange={(roleId) => form.set('roleId', roleId)}
        onBlur={() => form.touch('roleId')}
      />
      <ExpiryField
        id={`${id}-expiry`}
        value={values.expiresOn}
        text={values.expiryText}
        today={today}
        timeZone={timeZone}
        error={errors.expiresOn}
        onChange={form.setExpiry}
      />
      <WhitelistEditor
        rows={values.whitelist}
        validation={validation}
        serverError={errors.whitelist}
        entryErrors={form.entryErrors}
        onChange={(rows) => form.set('whitelist', rows)}
      />
      <OwnerField
        id={`${id}-owner`}
        value={values.owner}
        error={errors.owner}
        onChange={(owner) => form.set('owner', owner)}
        onBlur={() => form.touch('owner')}
      />
      <DescriptionField
        id={`${id}-description`}
        value={values.description}
        error={errors.description}
        onChange={(description) => form.set('description', description)}
        onBlur={() => form.touch('description')}
      />
    </Form>
  );
}
