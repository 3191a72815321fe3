import { CheckOutlined } from '@ant-design/icons';
import { Table, Typography, type TableColumnType } from 'antd';
import type { RoleItem } from '../../shared/api/roles';
import {
  MANAGE_RIGHTS,
  MANAGE_RIGHT_LABELS,
  MODULE_GROUP_NAMES,
  MODULES,
  VIEW_RIGHT_LABELS,
  effectiveRights,
  moduleByKey,
  type ManageRight,
  type ModuleDef,
} from '../../shared/domain';

type Row = { module: ModuleDef; view: string; inheritedFrom: string | null; manage: ReadonlySet<ManageRight> };

function rowsOf(role: RoleItem): Row[] {
  const effective = effectiveRights(role.rights);
  return MODULES.map((module) => {
    const own = role.rights[module.key];
    const held = effective[module.key];
    const view = held?.view ?? 'none';
    const inherited = view !== 'none' && (own?.view ?? 'none') !== view && module.parent !== null;
    return {
      module,
      view: VIEW_RIGHT_LABELS[view],
      inheritedFrom: inherited && module.parent ? moduleByKey(module.parent).name : null,
      manage: new Set(held?.manage ?? []),
    };
  });
}

/** One role's rights as a module × rights grid, read-only. */
export function RightsGrid({ role }: { role: RoleItem }) {
  const columns: TableColumnType<Row>[] = [
    {
      key: 'module',
      title: 'Module',
      render: (_: unknown, row) => (
        <span>
          {row.module.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {MODULE_GROUP_NAMES[row.module.group]}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'view',
      title: 'View',
      render: (_: unknown, row) =>
        row.view === VIEW_RIGHT_LABELS.none ? (
          <Typography.Text type="secondary">None</Typography.Text>
        ) : (
          <span>
            {row.view}
            {row.inheritedFrom && <Typography.Text type="secondary"> (from {row.inheritedFrom})</Typography.Text>}
          </span>
        ),
    },
    ...MANAGE_RIGHTS.map(
      (right): TableColumnType<Row> => ({
        key: right,
        title: MANAGE_RIGHT_LABELS[right],
        align: 'center',
        render: (_: unknown, row) =>
          row.manage.has(right) ? (
            <CheckOutlined aria-label={`${MANAGE_RIGHT_LABELS[right]} on ${row.module.name}`} />
          ) : (
            <span aria-hidden>·</span>
          ),
      }),
    ),
  ];
  return (
    <Table<Row>
      aria-label={`Rights of ${role.name}`}
      rowKey={(row) => row.module.key}
      size="small"
      pagination={false}
      columns={columns}
      dataSource={rowsOf(role)}
    />
  );
}
