import { CopyOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Empty, Flex, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ManagedRole } from '../../shared/api/role-admin';
import { ROLE_TEMPLATES, ROLE_TYPE_LABELS, grants, type RoleAuthor } from '../../shared/domain';
import { useBridgeQuery } from '../ipc/useBridgeQuery';
import { DeleteRoleDialog } from './DeleteRoleDialog';
import { DuplicateRoleDialog } from './DuplicateRoleDialog';
import { RightsGrid } from './RightsGrid';
import { RoleDrawer, type RoleDrawerTarget } from './RoleDrawer';
import { draftFromTemplate } from './roleDraft';

type Dialog = { kind: 'duplicate' | 'delete'; role: ManagedRole } | null;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Settings → Roles: the roles this admin may see, their holders, and the roles they may define. */
export function RolesPage() {
  const settings = useBridgeQuery((bridge) => bridge.roles.settings());
  const [drawer, setDrawer] = useState<RoleDrawerTarget | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const done = (message: string) => {
    setDrawer(null);
    setDialog(null);
    setNotice(message);
    settings.refresh();
  };

  if (settings.status === 'loading') return <Skeleton active />;
  if (settings.status === 'error') {
    return (
      <Alert
        type="error"
        showIcon
        title={`The roles could not be loaded. ${settings.error.message}`}
        action={<Button onClick={settings.reload}>Retry</Button>}
      />
    );
  }
  const { caller, items } = settings.data;
  const author: RoleAuthor = { rank: caller.rank, rights: caller.rights };
  const mayDefine = grants(caller.rights, { module: 'roles', right: 'create_edit' });
  const mayDelete = grants(caller.rights, { module: 'roles', right: 'delete' });
  const roles = [...items].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  const start = (template: (typeof ROLE_TEMPLATES)[number] | null) =>
    setDrawer({ kind: 'create', draft: draftFromTemplate(template, author), startedFrom: template?.name ?? null });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Roles
        </Typography.Title>
        {mayDefine && (
          <Button type="primary" onClick={() => start(null)}>
            + Add
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Rank 1 is the most privileged. You see roles ranked the same as yours ({caller.rank}) or below, and change those ranked below it. A
        change applies at once to every token holding the role, on its next request.
      </Typography.Paragraph>
      {mayDefine && (
        <Space wrap>
          <Typography.Text type="secondary">Start from a template:</Typography.Text>
          {[...ROLE_TEMPLATES].reverse().map((template) => (
            <Tooltip key={template.name} title={template.description}>
              <Button size="small" onClick={() => start(template)}>
                {template.name}
              </Button>
            </Tooltip>
          ))}
        </Space>
      )}
      {notice && <Alert type="success" showIcon closable title={notice} onClose={() => setNotice(null)} />}
      {roles.length === 0 && <Empty description="No role is visible to you." />}
      {roles.length > 0 && (
        <Collapse
          destroyOnHidden
          items={roles.map((role) => ({
            key: role.id,
            label: (
              <Space wrap>
                <Typography.Text strong>{role.name}</Typography.Text>
                <Tag>Rank {role.rank}</Tag>
                {role.type !== 'employee' && <Tag>{ROLE_TYPE_LABELS[role.type]}</Tag>}
                <Typography.Text type="secondary" aria-label={`Tokens holding ${role.name}`}>
                  {count(role.tokenCount, 'token', 'tokens')}
                </Typography.Text>
                <Typography.Text type="secondary">{count(role.modules.length, 'module', 'modules')}</Typography.Text>
              </Space>
            ),
            // The actions sit inside the panel: a button within the header's button would be nested controls.
            children: (
              <Flex vertical gap={8}>
                <Space wrap>
                  {mayDefine && role.editable && (
                    <Button size="small" icon={<EditOutlined />} aria-label={`Edit ${role.name}`} onClick={() => setDrawer({ kind: 'edit', role })}>
                      Edit
                    </Button>
                  )}
                  {mayDefine && (
                    <Button size="small" icon={<CopyOutlined />} aria-label={`Duplicate ${role.name}`} onClick={() => setDialog({ kind: 'duplicate', role })}>
                      Duplicate
                    </Button>
                  )}
                  {mayDelete && role.editable && (
                    <Button size="small" icon={<DeleteOutlined />} aria-label={`Delete ${role.name}`} onClick={() => setDialog({ kind: 'delete', role })}>
                      Delete
                    </Button>
                  )}
                  {!role.editable && <Typography.Text type="secondary">Ranked the same as you: it can be duplicated, not changed.</Typography.Text>}
                </Space>
                <RightsGrid role={role} />
              </Flex>
            ),
          }))}
        />
      )}
      {drawer && (
        <RoleDrawer
          target={drawer}
          author={author}
          roles={roles}
          onClose={() => setDrawer(null)}
          onSaved={(role) => done(drawer.kind === 'edit' ? `Role "${role.name}" saved: its tokens use the new rights from their next request.` : `Role "${role.name}" added.`)}
        />
      )}
      {dialog?.kind === 'duplicate' && (
        <DuplicateRoleDialog
          role={dialog.role}
          roles={roles}
          authorRank={caller.rank}
          onCancel={() => setDialog(null)}
          onDuplicated={(copy) => done(`Role "${copy.name}" added as a copy of "${dialog.role.name}".`)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteRoleDialog
          role={dialog.role}
          roles={roles}
          authorRank={caller.rank}
          onCancel={() => setDialog(null)}
          onDeleted={() => done(`Role "${dialog.role.name}" deleted.`)}
        />
      )}
    </Flex>
  );
}
