import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * Links in the app's red and a darker red for danger buttons: antd's default link blue #1677ff and
 * error red #ff4d4f reach only 4:1 and 3.3:1 on white, under the WCAG AA 4.5:1 that axe asks for.
 * The foundation theme could set colorLink and colorError for every area.
 */
export function DocumentsTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      theme={{
        token: {
          colorLink: '#a8071a',
          colorLinkHover: '#820014',
          colorLinkActive: '#5c0011',
          colorError: '#cf1322',
        },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
