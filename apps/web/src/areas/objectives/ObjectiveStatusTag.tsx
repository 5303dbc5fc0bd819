import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { STATUS_LABELS } from './objective-labels';
import type { ObjectiveStatus } from './objective-types';

const LOOK: Record<ObjectiveStatus, { color: string; icon: ReactNode }> = {
  on_track: { color: 'success', icon: <CheckCircleOutlined /> },
  at_risk: { color: 'warning', icon: <ExclamationCircleOutlined /> },
  missed: { color: 'error', icon: <CloseCircleOutlined /> },
  no_data: { color: 'default', icon: <MinusCircleOutlined /> },
};

/** The status as text and icon (not colour alone). */
export function ObjectiveStatusTag({ status, testId }: { status: ObjectiveStatus; testId?: string }) {
  const look = LOOK[status];
  return (
    <Tag color={look.color} icon={look.icon} data-testid={testId} style={{ color: 'rgba(0, 0, 0, 0.88)' }}>
      {STATUS_LABELS[status]}
    </Tag>
  );
}
