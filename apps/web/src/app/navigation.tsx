import {
  AimOutlined,
  AlertOutlined,
  AuditOutlined,
  BellOutlined,
  ClusterOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  HistoryOutlined,
  HomeOutlined,
  IssuesCloseOutlined,
  FileProtectOutlined,
  FundOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SearchOutlined,
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
      // --- search ---
      { path: '/search', label: 'Tìm kiếm', icon: <SearchOutlined />, permissions: [P.DocumentRead] },
      { path: '/notifications', label: 'Thông báo', icon: <BellOutlined /> },
      {
        path: '/audit-trail',
        label: 'Nhật ký hệ thống',
        icon: <HistoryOutlined />,
        permissions: [P.AuditEventRead],
      },
    ],
  },
  // --- documents ---
  {
    label: 'Tài liệu',
    icon: <FileTextOutlined />,
    items: [
      {
        path: '/documents/queue',
        label: 'Chờ tôi xử lý',
        icon: <ScheduleOutlined />,
        permissions: [P.DocumentReview, P.DocumentApprove, P.DocumentIssue],
      },
      {
        path: '/documents/in-force',
        label: 'Tài liệu đang hiệu lực',
        icon: <FileSearchOutlined />,
        permissions: [P.DocumentRead],
      },
      {
        path: '/documents',
        label: 'Soạn thảo tài liệu',
        icon: <FileTextOutlined />,
        permissions: [P.DocumentDraft, P.DocumentReview, P.DocumentApprove, P.DocumentIssue],
      },
    ],
  },
  // --- records ---
  {
    label: 'Hồ sơ',
    icon: <FolderOpenOutlined />,
    items: [
      { path: '/records', label: 'Hồ sơ', icon: <FolderOpenOutlined />, permissions: [P.RecordRead] },
      {
        path: '/record-types',
        label: 'Danh mục hồ sơ',
        icon: <FileSearchOutlined />,
        permissions: [P.RecordRead],
      },
      { path: '/disposals', label: 'Hủy hồ sơ', icon: <FileDoneOutlined />, permissions: [P.DisposalRead] },
      { path: '/registers', label: 'Sổ đăng ký', icon: <FileTextOutlined />, permissions: [P.RegisterRead] },
    ],
  },
  // --- audits ---
  {
    label: 'Đánh giá nội bộ',
    icon: <AuditOutlined />,
    items: [
      {
        path: '/audit-programmes',
        label: 'Chương trình đánh giá',
        icon: <AuditOutlined />,
        permissions: [P.AuditRead],
      },
      { path: '/audits', label: 'Cuộc đánh giá', icon: <ScheduleOutlined />, permissions: [P.AuditRead] },
    ],
  },
  // --- capa ---
  {
    label: 'Khắc phục',
    icon: <IssuesCloseOutlined />,
    items: [
      {
        path: '/nonconformities',
        label: 'Sự không phù hợp',
        icon: <IssuesCloseOutlined />,
        permissions: [P.NonconformityRead],
      },
      {
        path: '/corrective-actions',
        label: 'Hành động khắc phục',
        icon: <FileDoneOutlined />,
        permissions: [P.NonconformityRead],
      },
      {
        path: '/nonconformities/register',
        label: 'Sổ theo dõi',
        icon: <FileSearchOutlined />,
        permissions: [P.NonconformityRead],
      },
    ],
  },
  // --- planning (objectives, risks, management reviews: one group 'Hoạch định và xem xét') ---
  {
    label: 'Hoạch định và xem xét',
    icon: <AimOutlined />,
    items: [
      {
        path: '/objectives',
        label: 'Mục tiêu chất lượng',
        icon: <AimOutlined />,
        permissions: [P.ObjectiveRead],
      },
      // --- risks ---
      {
        path: '/risks',
        label: 'Rủi ro và cơ hội',
        icon: <AlertOutlined />,
        permissions: [P.RiskRead],
      },
      // --- management reviews ---
      {
        path: '/management-reviews',
        label: 'Xem xét của lãnh đạo',
        icon: <TeamOutlined />,
        permissions: [P.ManagementReviewRead],
      },
    ],
  },
  // --- conformity ---
  {
    label: 'Công bố phù hợp',
    icon: <SafetyCertificateOutlined />,
    items: [
      {
        path: '/conformity/readiness',
        label: 'Điều kiện công bố',
        icon: <SafetyCertificateOutlined />,
        permissions: [P.ConformityRead],
      },
      {
        path: '/conformity/declarations',
        label: 'Quyết định công bố',
        icon: <FileProtectOutlined />,
        permissions: [P.ConformityDeclarationRead],
      },
      {
        path: '/oversight',
        label: 'Theo dõi các cơ quan',
        icon: <FundOutlined />,
        permissions: [P.ConformityOversee],
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
        permissions: [P.AgencyManage, P.AgencyRead],
      },
      { path: '/users', label: 'Người dùng', icon: <TeamOutlined />, permissions: [P.UserRead] },
      {
        path: '/admin/jobs',
        label: 'Công việc định kỳ',
        icon: <FieldTimeOutlined />,
        permissions: [P.JobRead],
      },
    ],
  },
];
