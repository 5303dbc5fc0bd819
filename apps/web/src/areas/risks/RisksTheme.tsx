import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/** Links in the app's dark red: antd's default link blue is below WCAG AA contrast on white. */
export function RisksTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={{ token: { colorLink: '#a8071a', colorLinkHover: '#820014' } }}>
      {children}
    </ConfigProvider>
  );
}
