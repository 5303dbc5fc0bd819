import { Typography } from 'antd';

/**
 * An empty table's text, in the secondary text colour: antd's own placeholder grey is too pale
 * for WCAG AA contrast (axe color-contrast).
 */
export function EmptyText({ children }: { children: string }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
