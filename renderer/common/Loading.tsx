import { Flex, Spin } from 'antd';

// What shows while a part of the console loaded on demand arrives: named for screen readers.
export function Loading({ label }: { label: string }) {
  return (
    <Flex justify="center" align="center" style={{ minHeight: 160 }} role="status" aria-label={label}>
      <Spin aria-label={label} />
    </Flex>
  );
}
