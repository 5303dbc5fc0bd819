import { Flex } from 'antd';
import type { ReactNode } from 'react';

/**
 * A screen's title (the page's one h1) and its actions. Plain elements, not Typography: the
 * header is on every first screen, and Typography's chunk is large.
 */
export function PageHeader({
  title,
  extra,
  subtitle,
}: {
  title: ReactNode;
  extra?: ReactNode;
  subtitle?: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="start" wrap gap={12} style={{ marginBottom: 16 }}>
      <div>
        <h1 style={{ fontSize: 22, fontWeight: 600, margin: 0, lineHeight: 1.4 }}>{title}</h1>
        {subtitle ? <div style={{ color: 'rgba(0, 0, 0, 0.68)' }}>{subtitle}</div> : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
