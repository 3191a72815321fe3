import { CloseCircleFilled, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Popover, Select, type InputRef } from 'antd';
import { memo, type Ref } from 'react';
import type { RoleItem } from '../../../shared/api/roles';
import { REVIEW_FLAGS, REVIEW_FLAG_KEYS, type ReviewFlag } from '../../../shared/domain';
import { DisabledReason, passThroughPointer } from '../readOnly';
import { OPTIONAL_COLUMNS, type ListPrefs, type OptionalColumn } from './listPrefs';

const COLUMN_LABELS: Readonly<Record<OptionalColumn, string>> = {
  role: 'Role',
  owner: 'Owner',
  lastUsed: 'Last used',
  requests: 'Requests (30 days)',
  created: 'Created',
  review: 'Review',
};

const FLAG_OPTIONS = REVIEW_FLAG_KEYS.map((flag) => ({ value: flag, label: REVIEW_FLAGS[flag].label }));

const ALL = 'all';
// The status select's value while the expiry notification's horizon filters the list.
const WITHIN = 'within';

const STATUS_OPTIONS = [
  { value: 'active', label: 'Active' },
  { value: 'expiring', label: 'Expiring soon' },
  { value: 'expired', label: 'Expired' },
] as const;

type ToolbarProps = {
  prefs: ListPrefs;
  roles: readonly RoleItem[];
  searchRef: Ref<InputRef>;
  onChange: (patch: Partial<ListPrefs>) => void;
  /** Without it there is no "+ Add" (reviewing a file). */
  onAdd?: () => void;
  /** Why "+ Add" is disabled (offline), shown in its tooltip. */
  addDisabled?: string;
  /** The id of an element holding `addDisabled`, for the button's accessible description. */
  addDisabledId?: string;
  /** Reloads the list (also F5 / Ctrl+R); without it there is nothing to reload (a file). */
  onRefresh?: () => void;
  refreshing?: boolean;
};

export function TokenToolbar({ prefs, searchRef, onChange, ...rest }: ToolbarProps) {
  return (
    <Flex gap={8} wrap align="center">
      <Input
        ref={searchRef}
        aria-label="Search tokens"
        placeholder="Search…"
        allowClear={{ clearIcon: <CloseCircleFilled aria-label="Clear search" /> }}
        value={prefs.search}
        onChange={(event) => onChange({ search: event.target.value })}
        style={{ width: 260 }}
      />
      <ListControls
        status={prefs.status}
        expiresWithinDays={prefs.expiresWithinDays}
        roleId={prefs.roleId}
        reviewFlag={prefs.reviewFlag}
        columns={prefs.columns}
        onChange={onChange}
        {...rest}
      />
    </Flex>
  );
}

type ControlsProps = Pick<ListPrefs, 'status' | 'expiresWithinDays' | 'roleId' | 'reviewFlag' | 'columns'> & Omit<ToolbarProps, 'prefs' | 'searchRef'>;

// Each keystroke in Search renders the toolbar twice (the box, then the filtered list): the
// filters, the column picker and the buttons (antd Selects and a Popover) sit it out unless
// what they show changed.
const ListControls = memo(function ListControls({
  status,
  expiresWithinDays,
  roleId,
  reviewFlag,
  columns,
  roles,
  onChange,
  onAdd,
  addDisabled,
  addDisabledId,
  onRefresh,
  refreshing = false,
}: ControlsProps) {
  return (
    <>
      <Select<string>
        aria-label="Filter by status"
        value={expiresWithinDays !== null ? WITHIN : (status ?? ALL)}
        onChange={(value) => {
          if (value === WITHIN) return;
          onChange({ status: value === ALL ? null : (value as NonNullable<ListPrefs['status']>), expiresWithinDays: null });
        }}
        options={[
          { value: ALL, label: 'All statuses' },
          ...STATUS_OPTIONS,
          ...(expiresWithinDays !== null ? [{ value: WITHIN, label: `Expiring within ${expiresWithinDays} days` }] : []),
        ]}
        style={{ width: expiresWithinDays !== null ? 210 : 170 }}
      />
      <Select<number | typeof ALL>
        aria-label="Filter by role"
        showSearch={{ optionFilterProp: 'label' }}
        value={roleId ?? ALL}
        onChange={(value) => onChange({ roleId: value === ALL ? null : value })}
        options={[{ value: ALL, label: 'All roles' }, ...roles.map((role) => ({ value: role.id, label: role.name }))]}
        style={{ width: 220 }}
      />
      <Select<ReviewFlag | typeof ALL>
        aria-label="Filter by review flag"
        value={reviewFlag ?? ALL}
        onChange={(value) => onChange({ reviewFlag: value === ALL ? null : value })}
        options={[{ value: ALL, label: 'All review flags' }, ...FLAG_OPTIONS]}
        style={{ width: 200 }}
      />
      <Popover
        trigger="click"
        placement="bottomLeft"
        content={
          <Checkbox.Group
            aria-label="Optional columns"
            value={columns}
            onChange={(chosen) => onChange({ columns: OPTIONAL_COLUMNS.filter((column) => chosen.includes(column)) })}
          >
            <Flex vertical gap={4}>
              {OPTIONAL_COLUMNS.map((column) => (
                <Checkbox key={column} value={column}>
                  {COLUMN_LABELS[column]}
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        }
      >
        <Button icon={<SettingOutlined />} aria-label="Columns">
          Columns
        </Button>
      </Popover>
      {onRefresh !== undefined && (
        <Button icon={<ReloadOutlined />} onClick={onRefresh} loading={refreshing} aria-label="Refresh" title="Reload the list (F5 or Ctrl+R)">
          Refresh
        </Button>
      )}
      {onAdd !== undefined && addDisabled === undefined && (
        <Button type="primary" onClick={onAdd} style={{ marginLeft: 'auto' }}>
          + Add
        </Button>
      )}
      {onAdd !== undefined && addDisabled !== undefined && (
        <span style={{ marginLeft: 'auto' }}>
          <DisabledReason reason={addDisabled}>
            <Button type="primary" disabled aria-describedby={addDisabledId} style={passThroughPointer}>
              + Add
            </Button>
          </DisabledReason>
        </span>
      )}
    </>
  );
});
