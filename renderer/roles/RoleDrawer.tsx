import { Alert, Button, Drawer, Flex, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { ManagedRole } from '../../shared/api/role-admin';
import { ROLE_TYPES, ROLE_TYPE_LABELS, type ModuleKey, type ModuleRights, type RoleAuthor, type RoleType, type RuleViolation } from '../../shared/domain';
import { ok } from '../../shared/ipc/errors';
import type { TokenListResult } from '../../shared/ipc/contract';
import { useBridgeCall } from '../ipc/useBridgeCall';
import { useBridgeQuery } from '../ipc/useBridgeQuery';
import { RightsEditor } from './RightsEditor';
import { RoleImpact } from './RoleImpact';
import { createRequest, draftViolations, setModuleRights, updateRequest, type RoleDraft } from './roleDraft';
import { roleErrorText } from './roleErrorText';

export type RoleDrawerTarget = { kind: 'create'; draft: RoleDraft; startedFrom: string | null } | { kind: 'edit'; role: ManagedRole };

// Only an existing role has tokens; main keeps the inventory in sync, so its holders are picked
// from the whole list (one delta request) rather than a search the list cannot reuse.
function useHolders(role: ManagedRole | null) {
  return useBridgeQuery(async (bridge) => {
    if (!role) return ok<TokenListResult>({ items: [], total: 0, fetchedAt: new Date().toISOString() });
    const all = await bridge.tokens.list();
    if (!all.ok) return all;
    const items = all.value.items.filter((token) => token.roleId === role.id);
    return ok<TokenListResult>({ ...all.value, items, total: items.length });
  }, role ? `role-${role.id}` : 'none');
}

/** Define a role, or change one: the grid, what it does to the tokens holding the role, and the server's verdict. */
export function RoleDrawer({
  target,
  author,
  roles,
  onClose,
  onSaved,
}: {
  target: RoleDrawerTarget;
  author: RoleAuthor;
  roles: readonly ManagedRole[];
  onClose: () => void;
  onSaved: (role: ManagedRole) => void;
}) {
  const call = useBridgeCall();
  const [base, setBase] = useState<ManagedRole | null>(target.kind === 'edit' ? target.role : null);
  const [draft, setDraft] = useState<RoleDraft>(
    target.kind === 'edit' ? { name: target.role.name, type: target.role.type, rank: target.role.rank, rights: target.role.rights } : target.draft,
  );
  const [serverProblems, setServerProblems] = useState<RuleViolation[]>([]);
  const [banner, setBanner] = useState<{ text: string; conflict: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const holders = useHolders(base);

  const local = draftViolations(draft, author, roles, base);
  const problems = [...local, ...serverProblems.filter((problem) => !local.some((mine) => mine.field === problem.field))];
  const fieldProblem = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const changes = base ? updateRequest(draft, base) : null;
  const canSave = local.length === 0 && !saving && (base === null || changes !== null);

  const edit = (next: Partial<RoleDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setServerProblems([]);
  };
  const editModule = useCallback((module: ModuleKey, next: ModuleRights) => {
    setDraft((current) => ({ ...current, rights: setModuleRights(current.rights, module, next) }));
    setServerProblems([]);
  }, []);

  const save = async () => {
    setSaving(true);
    setBanner(null);
    const result = base
      ? await call((bridge) => bridge.roles.update({ id: base.id, version: base.version, changes: changes ?? {} }))
      : await call((bridge) => bridge.roles.create(createRequest(draft)));
    setSaving(false);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    const { error } = result;
    if (error.code === 'name_taken') setServerProblems([{ field: 'name', message: error.message }]);
    else if (error.code === 'validation' && error.details && error.details.length > 0) setServerProblems(error.details);
    else setBanner({ text: roleErrorText(error), conflict: error.code === 'conflict' });
  };

  // Someone else saved first: take their version as the new starting point, keep these edits.
  const reloadTheirs = async () => {
    if (!base) return;
    const result = await call((bridge) => bridge.roles.settings());
    if (!result.ok) {
      setBanner({ text: roleErrorText(result.error), conflict: false });
      return;
    }
    const fresh = result.value.items.find((role) => role.id === base.id);
    if (!fresh) {
      setBanner({ text: `The role "${base.name}" no longer exists: someone may have deleted it.`, conflict: false });
      return;
    }
    setBase(fresh);
    setBanner(null);
  };

  const tokens = base === null ? [] : holders.status === 'success' ? holders.data.items.filter((token) => token.roleId === base.id) : null;
  return (
    <Drawer
      open
      title={base ? `Edit Role — ${base.name}` : 'Add Role'}
      placement="right"
      size={880}
      onClose={onClose}
      closable={{ 'aria-label': 'Close' }}
      mask={{ closable: false }}
      footer={
        // The effect on tokens stays in view while the grid scrolls.
        <Flex vertical gap={8}>
          {base && <RoleImpact before={base.rights} after={draft.rights} tokens={tokens} />}
          <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="primary" onClick={() => void save()} disabled={!canSave} loading={saving}>
              Save
            </Button>
          </Space>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        {target.kind === 'create' && target.startedFrom && (
          <Typography.Text type="secondary">Started from the {target.startedFrom} template.</Typography.Text>
        )}
        {banner && (
          <Alert
            role="alert"
            type="error"
            showIcon
            title={banner.text}
            action={banner.conflict ? <Button onClick={() => void reloadTheirs()}>Reload their version</Button> : undefined}
          />
        )}
        <Form layout="vertical" component="div">
          <Form.Item
            label="Name"
            validateStatus={fieldProblem('name') ? 'error' : undefined}
            help={fieldProblem('name') ?? (base ? "A role's name cannot be changed: duplicate the role to make a variant." : undefined)}
          >
            <Input aria-label="Name" value={draft.name} disabled={base !== null} maxLength={100} onChange={(event) => edit({ name: event.target.value })} />
          </Form.Item>
          <Flex gap={24}>
            <Form.Item label="Type">
              <Radio.Group
                aria-label="Type"
                value={draft.type}
                onChange={(event) => edit({ type: event.target.value as RoleType })}
                options={ROLE_TYPES.map((type) => ({ value: type, label: ROLE_TYPE_LABELS[type] }))}
              />
            </Form.Item>
            <Form.Item
              label="Rank"
              validateStatus={fieldProblem('rank') ? 'error' : undefined}
              help={fieldProblem('rank') ?? `1 is the most privileged; yours is ${author.rank}.`}
            >
              <InputNumber aria-label="Rank" min={1} max={1000} precision={0} value={draft.rank} onChange={(value) => edit({ rank: value ?? draft.rank })} />
            </Form.Item>
          </Flex>
        </Form>
        <RightsEditor rights={draft.rights} onChange={editModule} problems={problems} />
      </Flex>
    </Drawer>
  );
}
