import { EXTERNAL_SOURCE_LABELS } from './external-source';

/** Vietnamese texts of the Danh mục tài liệu nội bộ and Danh mục tài liệu bên ngoài. */
export const REGISTER_MESSAGES = {
  internal: {
    title: 'DANH MỤC TÀI LIỆU NỘI BỘ',
    fileName: 'Danh mục tài liệu nội bộ',
    columns: {
      no: 'STT',
      code: 'Mã hiệu',
      title: 'Tên tài liệu',
      type: 'Loại',
      issue: 'Lần ban hành',
      effective: 'Ngày hiệu lực',
      nextReview: 'Ngày xem xét tiếp theo',
      owner: 'Đơn vị chủ trì',
      state: 'Tình trạng',
    },
  },
  external: {
    title: 'DANH MỤC TÀI LIỆU BÊN NGOÀI',
    fileName: 'Danh mục tài liệu bên ngoài',
    columns: {
      no: 'STT',
      numberSymbol: EXTERNAL_SOURCE_LABELS.numberSymbol,
      title: 'Tên tài liệu',
      issuingBody: EXTERNAL_SOURCE_LABELS.issuingBody,
      issuedDate: EXTERNAL_SOURCE_LABELS.issuedDate,
      inForceDate: EXTERNAL_SOURCE_LABELS.inForceDate,
      storagePlace: EXTERNAL_SOURCE_LABELS.storagePlace,
      state: 'Tình trạng',
    },
  },
  subtitle: (effective: number, scheduled: number) =>
    `Tài liệu đang hiệu lực: ${effective}` + (scheduled ? ` · Đã ban hành, chờ hiệu lực: ${scheduled}` : ''),
} as const;
