import { Checkbox, Form, InputNumber, Space } from 'antd';

const FAMILIES = {
  4: { bits: 32, example: 'E.g. /16: no IPv4 range wider than 65,536 addresses.' },
  6: { bits: 128, example: 'E.g. /48: no IPv6 range wider than one site.' },
} as const;

/** "Widest IPv4 range" / "Widest IPv6 range": whether ranges are limited, and to which prefix. */
export function WidestRangeField({
  family,
  limited,
  prefix,
  error,
  readOnly,
  onLimited,
  onPrefix,
}: {
  family: 4 | 6;
  limited: boolean;
  prefix: number | null;
  error: string | undefined;
  readOnly: boolean;
  onLimited: (limited: boolean) => void;
  onPrefix: (prefix: number | null) => void;
}) {
  const { bits, example } = FAMILIES[family];
  return (
    <Form.Item label={`Widest IPv${family} range`} validateStatus={error ? 'error' : undefined} help={error} extra={example}>
      <Space wrap>
        <Checkbox checked={limited} onChange={(event) => onLimited(event.target.checked)}>
          Limit IPv{family} ranges
        </Checkbox>
        <InputNumber
          aria-label={`Widest IPv${family} prefix length`}
          min={0}
          max={bits}
          precision={0}
          prefix="/"
          value={prefix}
          disabled={readOnly || !limited}
          onChange={(value) => onPrefix(value)}
        />
      </Space>
    </Form.Item>
  );
}
