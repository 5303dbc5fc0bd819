import { Spin } from 'antd';

/** Shown while a screen's code or data arrives. */
export function PageFallback() {
  return (
    <Spin tip="Đang tải…" style={{ display: 'block', margin: 64 }}>
      <div />
    </Spin>
  );
}
