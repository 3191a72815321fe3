import { Checkbox, Radio, Typography } from 'antd';
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
  type ModuleKey,
  type ModuleRights,
  type RoleRights,
  type RuleViolation,
} from '../../shared/domain';
import { setModuleRights } from './roleDraft';

const NONE: ModuleRights = { view: 'none', manage: [] };

const cell = { padding: '4px 8px', borderBottom: '1px solid rgba(128,128,128,0.15)' } as const;

/**
 * The module × rights grid of one role, editable: modules grouped as Wifox groups them, a view
 * right (None, View own, View all) and any of the four manage rights per module.
 */
export function RightsEditor({
  rights,
  onChange,
  problems,
  disabled = false,
}: {
  rights: RoleRights;
  onChange: (rights: RoleRights) => void;
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
                <th key={right} style={{ ...cell, whiteSpace: 'nowrap' }}>
                  {MANAGE_RIGHT_LABELS[right]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {MODULES.filter((module) => module.group === group).map((module) => {
              const own = rights[module.key] ?? NONE;
              const held = effective[module.key]?.view ?? 'none';
              const inherited = held !== own.view && module.parent !== null ? moduleByKey(module.parent).name : null;
              const problem = problemOf(module.key);
              return (
                <tr key={module.key} aria-label={module.name} aria-invalid={problem ? true : undefined}>
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
                      onChange={(event) => onChange(setModuleRights(rights, module.key, { ...own, view: event.target.value as ModuleRights['view'] }))}
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
                          onChange(
                            setModuleRights(rights, module.key, {
                              ...own,
                              manage: event.target.checked ? [...own.manage, right] : own.manage.filter((held) => held !== right),
                            }),
                          )
                        }
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </div>
  );
}
