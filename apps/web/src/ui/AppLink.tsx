import { theme } from 'antd';
import type { ComponentProps } from 'react';
import { Link } from 'react-router';

/**
 * A router link in the primary colour: antd's default link blue (#1677ff, colorLink) is only
 * 4.1:1 on white, below WCAG AA; the primary red is well above it.
 */
export function AppLink({ style, ...props }: ComponentProps<typeof Link>) {
  const { token } = theme.useToken();
  return <Link {...props} style={{ color: token.colorPrimary, ...style }} />;
}
