import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * The capa screens with links in the app's dark red: antd's default link blue (#1677ff, which the
 * tables use) is below WCAG AA contrast on white. (The app's theme could set colorLink for all.)
 */
export function CapaTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={{ token: { colorLink: '#a8071a', colorLinkHover: '#820014' } }}>
      {children}
    </ConfigProvider>
  );
}
