import { Checkbox, Radio, Typography } from 'antd';
import { memo } from 'react';
import {
  MANAGE_RIGHTS,
  MANAGE_RIGHT_LABELS,
  MODULE_GROUPS,
  MODULE_GROUP_NAMES,
  MODULES,
  VIEW_RIGHTS,
  VIEW_RIGHT_LABELS,
  effectiveRights,
  moduleByKey,
  type ModuleDef,
  type ModuleKey,
  type ModuleRights,
  type RoleRights,
  type RuleViolation,
  type ViewRight,
} from '../../shared/domain';

const NONE: ModuleRights = { view: 'none', manage: [] };

const cell = { padding: '4px 8px', borderBottom: '1px solid rgba(128,128,128,0.15)' } as const;

export type ModuleRightsChange = (module: ModuleKey, next: ModuleRights) => void;

type RowProps = {
  module: ModuleDef;
  own: ModuleRights;
  held: ViewRight;
  problem: string | undefined;
  disabled: boolean;
  onChange: ModuleRightsChange;
};

// One module's row; memoised, so a click re-renders its own row and not the other 23.
const ModuleRow = memo(function ModuleRow({ module, own, held, problem, disabled, onChange }: RowProps) {
  const inherited = held !== own.view && module.parent !== null ? moduleByKey(module.parent).name : null;
  return (
    <tr aria-label={module.name} aria-invalid={problem ? true : undefined}>
      <td style={cell}>
        <div>{module.name}</div>
        {inherited && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {VIEW_RIGHT_LABELS[held]} from {inherited}
          </Typography.Text>
        )}
        {problem && (
          <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 12 }}>
            {problem}
          </Typography.Text>
        )}
      </td>
      <td style={cell}>
        <Radio.Group
          size="small"
          optionType="button"
          disabled={disabled}
          aria-label={`View on ${module.name}`}
          value={own.view}
          onChange={(event) => onChange(module.key, { ...own, view: event.target.value as ViewRight })}
          options={VIEW_RIGHTS.map((view) => ({ value: view, label: VIEW_RIGHT_LABELS[view] }))}
        />
      </td>
      {MANAGE_RIGHTS.map((right) => (
        <td key={right} style={{ ...cell, textAlign: 'center' }}>
          <Checkbox
            disabled={disabled}
            aria-label={`${MANAGE_RIGHT_LABELS[right]} on ${module.name}`}
            checked={own.manage.includes(right)}
            onChange={(event) =>
              onChange(module.key, {
                ...own,
                manage: event.target.checked ? [...own.manage, right] : own.manage.filter((kept) => kept !== right),
              })
            }
          />
        </td>
      ))}
    </tr>
  );
});

/**
 * The module × rights grid of one role, editable: modules grouped as Wifox groups them, a view
 * right (None, View own, View all) and any of the four manage rights per module. `onChange`
 * should be stable (it is handed to every memoised row).
 */
export function RightsEditor({
  rights,
  onChange,
  problems,
  disabled = false,
}: {
  rights: RoleRights;
  onChange: ModuleRightsChange;
  problems: readonly RuleViolation[];
  disabled?: boolean;
}) {
  const effective = effectiveRights(rights);
  const problemOf = (key: ModuleKey) => problems.find((problem) => problem.field === `rights.${key}`)?.message;
  return (
    <div>
      {MODULE_GROUPS.map((group) => (
        <table
          key={group}
          aria-label={`${MODULE_GROUP_NAMES[group]} modules`}
          style={{ width: '100%', borderCollapse: 'collapse', marginBottom: 12, tableLayout: 'fixed' }}
        >
          <caption style={{ textAlign: 'left', fontWeight: 600, padding: '4px 0' }}>{MODULE_GROUP_NAMES[group]}</caption>
          {/* The same columns in every group, so the grid reads as one. */}
          <colgroup>
            <col style={{ width: '22%' }} />
            <col style={{ width: '26%' }} />
            {MANAGE_RIGHTS.map((right) => (
              <col key={right} style={{ width: '13%' }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th style={{ ...cell, textAlign: 'left' }}>Module</th>
              <th style={{ ...cell, textAlign: 'left' }}>View</th>
              {MANAGE_RIGHTS.map((right) => (
                <th key={right} style={cell}>
                  {MANAGE_RIGHT_LABELS[right]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {MODULES.filter((module) => module.group === group).map((module) => (
              <ModuleRow
                key={module.key}
                module={module}
                own={rights[module.key] ?? NONE}
                held={effective[module.key]?.view ?? 'none'}
                problem={problemOf(module.key)}
                disabled={disabled}
                onChange={onChange}
              />
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
