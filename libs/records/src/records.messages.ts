import { formatDateTimeVi, formatDateVi } from '@eiso/common';

/** Vietnamese texts of records: notifications, the Danh mục hồ sơ and the biên bản hủy hồ sơ. */
export const RECORD_MESSAGES = {
  minuteNumber: (n: number) => `${String(n).padStart(2, '0')}/BB-HHS`,
  /** A disposal as the audit trail names it. */
  disposalName: (n: number) => `Đợt hủy hồ sơ số ${RECORD_MESSAGES.minuteNumber(n)}`,
  retentionDue: (
    count: number,
    today: string,
    samples: { title: string; reference: string | null; retentionEnd: string }[],
  ) => {
    const lines = samples.map(
      (s) =>
        `- ${s.title}${s.reference ? ` (${s.reference})` : ''}: hết hạn lưu trữ ngày ${formatDateVi(s.retentionEnd)}`,
    );
    const more = count > samples.length ? [`… và ${count - samples.length} hồ sơ khác.`] : [];
    return {
      title: `${count} hồ sơ đến hạn hủy`,
      body: [
        `Ngày ${formatDateVi(today)}: ${count} hồ sơ đã hết thời hạn lưu trữ và chuyển sang trạng thái "Đến hạn hủy".`,
        ...lines,
        ...more,
        'Vui lòng lập đề nghị hủy hoặc phong tỏa hồ sơ cần giữ lại.',
      ].join('\n'),
    };
  },
  proposed: (n: number, count: number, by: string) => ({
    title: `Đề nghị hủy hồ sơ số ${RECORD_MESSAGES.minuteNumber(n)} chờ phê duyệt`,
    body: `${by} đề nghị hủy ${count} hồ sơ đã hết thời hạn lưu trữ. Vui lòng xem xét và phê duyệt hoặc từ chối.`,
  }),
  approved: (n: number, count: number, by: string) => ({
    title: `Đợt hủy hồ sơ số ${RECORD_MESSAGES.minuteNumber(n)} đã được phê duyệt`,
    body: `${by} đã ký phê duyệt hủy ${count} hồ sơ. Hệ thống đang xóa các tệp và lập biên bản hủy.`,
  }),
  rejected: (n: number, by: string, reason: string | null) => ({
    title: `Đợt hủy hồ sơ số ${RECORD_MESSAGES.minuteNumber(n)} bị từ chối`,
    body: `${by} đã từ chối đề nghị hủy hồ sơ${reason ? `. Lý do: ${reason}` : '.'} Các hồ sơ được giữ nguyên.`,
  }),
  completed: (n: number, count: number) => ({
    title: `Đã hủy xong đợt hủy hồ sơ số ${RECORD_MESSAGES.minuteNumber(n)}`,
    body: `${count} hồ sơ đã được hủy; thông tin lưu vết và biên bản hủy hồ sơ được lưu giữ.`,
  }),
  /** Why one record cannot go into a disposal batch: one sentence per record of a refusal. */
  ineligible: {
    notFound: (id: string) => `Không tìm thấy hồ sơ có mã định danh ${id} trong cơ quan.`,
    disposed: (record: string, at: Date | null) =>
      `Hồ sơ ${record} đã bị hủy${at ? ` lúc ${formatDateTimeVi(at)}` : ''}; không thể đề nghị hủy lại.`,
    onHold: (record: string, reason: string, since: Date | null) =>
      `Hồ sơ ${record} đang bị phong tỏa${since ? ` từ ngày ${formatDateVi(since)}` : ''} ` +
      `(lý do: ${reason}); hồ sơ bị phong tỏa không được hủy cho đến khi được gỡ phong tỏa.`,
    permanent: (record: string) => `Hồ sơ ${record} được lưu trữ vĩnh viễn nên không bao giờ đến hạn hủy.`,
    notDue: (record: string, retentionEnd: string, run: Date) =>
      `Hồ sơ ${record} chưa đến hạn hủy: thời hạn lưu trữ kết thúc ngày ${formatDateVi(retentionEnd)}; ` +
      `lần rà soát tự động hằng ngày lúc ${formatDateTimeVi(run).replace(' ', ' ngày ')} sẽ chuyển hồ sơ ` +
      'sang trạng thái "Đến hạn hủy".',
    inBatch: (record: string, batch: string, state: string) =>
      `Hồ sơ ${record} đã thuộc đợt hủy số ${batch} (${state.toLowerCase()}); ` +
      'mỗi hồ sơ chỉ thuộc một đợt hủy chưa bị từ chối.',
    /** How a sentence names a record: its title, and its number when it has one. */
    record: (title: string, reference: string | null) => `"${title}"${reference ? ` (${reference})` : ''}`,
  },
  validation: {
    retention: 'Cần chọn một trong hai: thời hạn lưu trữ (số tháng) hoặc lưu trữ vĩnh viễn.',
    recordIds: 'Danh sách hồ sơ đề nghị hủy không được có hồ sơ trùng nhau.',
  },
  register: {
    title: 'DANH MỤC HỒ SƠ',
    fileName: 'Danh mục hồ sơ',
    subtitle: (types: number, kept: number) => `Số loại hồ sơ: ${types} — số hồ sơ đang lưu giữ: ${kept}`,
    columns: {
      no: 'STT',
      code: 'Mã hồ sơ',
      name: 'Tên hồ sơ',
      procedure: 'Quy trình liên quan',
      retention: 'Thời hạn lưu trữ',
      place: 'Nơi lưu trữ',
      responsible: 'Đơn vị chịu trách nhiệm',
      kept: 'Số hồ sơ đang lưu',
    },
  },
  minute: {
    title: 'BIÊN BẢN HỦY HỒ SƠ',
    /** The form's symbol in "Số: 01/BB-STP" (biên bản). */
    numberSymbol: 'BB',
    intro: (count: number, proposedAt: string) =>
      `Căn cứ Danh mục hồ sơ của cơ quan và đề nghị hủy ngày ${formatDateVi(proposedAt)}, ${count} hồ sơ ` +
      `dưới đây đã hết thời hạn lưu trữ, không bị phong tỏa, được phê duyệt hủy. Các tệp của hồ sơ được ` +
      `xóa khỏi kho lưu trữ; thông tin lưu vết của từng hồ sơ được giữ lại trên hệ thống.`,
    columns: {
      no: 'STT',
      title: 'Tên hồ sơ',
      type: 'Loại hồ sơ',
      reference: 'Số, ký hiệu',
      recordDate: 'Ngày hồ sơ',
      retention: 'Thời hạn lưu trữ',
      retentionEnd: 'Hết hạn lưu trữ',
    },
    proposer: 'NGƯỜI ĐỀ NGHỊ',
    approver: 'NGƯỜI PHÊ DUYỆT',
    signedAt: (time: string) => `Ký lúc ${time}`,
    proposedAt: (time: string) => `Đề nghị lúc ${time}`,
    contentHash: (hash: string) => `Mã băm nội dung đã ký (SHA-256): ${hash}`,
    completedAt: (time: string) => `Hoàn thành hủy lúc ${time}.`,
    inProgress: 'Việc xóa tệp đang được thực hiện.',
    generatedAt: (time: string) => `Lập bởi hệ thống eISO lúc ${time}`,
    page: (page: number, count: number) => `Trang ${page}/${count}`,
    fileName: (n: number) => `bien-ban-huy-ho-so-${String(n).padStart(2, '0')}.pdf`,
  },
};
