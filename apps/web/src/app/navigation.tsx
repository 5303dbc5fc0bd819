import {
  AuditOutlined,
  BellOutlined,
  ClusterOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  IssuesCloseOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { P, type Permission } from '../auth/permissions';

export interface NavItem {
  path: string;
  label: string;
  icon?: ReactNode;
  /** Shown to a user holding any of these; none: everyone signed in. */
  permissions?: Permission[];
}

export interface NavGroup {
  label: string;
  icon: ReactNode;
  items: NavItem[];
}

/**
 * The side menu, by area. Each area lists its screens here; an item shows only to a user whose
 * permissions (GET /api/v1/me) allow it, and a group with no item left is hidden.
 */
export const NAVIGATION: NavGroup[] = [
  {
    label: 'Chung',
    icon: <HomeOutlined />,
    items: [
      { path: '/', label: 'Trang chủ', icon: <HomeOutlined /> },
      { path: '/notifications', label: 'Thông báo', icon: <BellOutlined /> },
    ],
  },
  // --- documents ---
  {
    label: 'Tài liệu',
    icon: <FileTextOutlined />,
    items: [
      {
        path: '/documents/in-force',
        label: 'Tài liệu đang hiệu lực',
        icon: <FileSearchOutlined />,
        permissions: [P.DocumentRead],
      },
    ],
  },
  // --- records ---
  {
    label: 'Hồ sơ',
    icon: <FolderOpenOutlined />,
    items: [{ path: '/records', label: 'Hồ sơ', icon: <FolderOpenOutlined />, permissions: [P.RecordRead] }],
  },
  // --- audits ---
  {
    label: 'Đánh giá nội bộ',
    icon: <AuditOutlined />,
    items: [
      { path: '/audits', label: 'Cuộc đánh giá', icon: <ScheduleOutlined />, permissions: [P.AuditRead] },
    ],
  },
  // --- capa ---
  {
    label: 'Khắc phục',
    icon: <IssuesCloseOutlined />,
    items: [
      {
        path: '/corrective-actions',
        label: 'Hành động khắc phục',
        icon: <FileDoneOutlined />,
        permissions: [P.NonconformityRead],
      },
    ],
  },
  // --- admin ---
  {
    label: 'Quản trị',
    icon: <SettingOutlined />,
    items: [
      {
        path: '/agencies',
        label: 'Cơ quan, đơn vị',
        icon: <ClusterOutlined />,
        permissions: [P.AgencyManage],
      },
      { path: '/users', label: 'Người dùng', icon: <TeamOutlined />, permissions: [P.UserRead] },
    ],
  },
];
