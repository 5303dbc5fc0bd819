import { formatDateVi } from '@eiso/common';
import { REVIEW_ACTION_KIND_LABELS, ReviewActionKind } from './management-review-state';
import { ReviewInputs } from './review-inputs';

/** A section of the minutes: its heading and its paragraphs (a leading "- " is a list item). */
export interface MinutesSection {
  heading: string;
  lines: string[];
}

export interface MinutesPerson {
  name: string;
  position: string | null;
}

export interface MinutesAction {
  kind: ReviewActionKind;
  description: string;
  ownerName: string;
  dueDate: string;
}

/** What the minutes print besides the heading and the signature. */
export interface MinutesBody {
  number: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  meetingDate: string;
  place: string | null;
  chair: MinutesPerson;
  attendees: MinutesPerson[];
  guests: string[];
  inputs: ReviewInputs;
  manual: {
    customerFeedback: string | null;
    providerPerformance: string | null;
    resourceAdequacy: string | null;
    contextChanges: string | null;
    improvementOpportunities: string | null;
  };
  conclusions: { suitability: string | null; adequacy: string | null; effectiveness: string | null };
  actions: MinutesAction[];
}

export const MINUTES_TEXT = {
  title: 'BÁO CÁO XEM XÉT CỦA LÃNH ĐẠO',
  /** "Số: 01/BC-STP". */
  numberSymbol: 'BC',
  signer: 'CHỦ TRÌ',
  draft: 'DỰ THẢO',
  notSigned: 'Chưa ký',
  none: 'Không có.',
  notWritten: 'Chưa ghi nhận.',
  signedAt: (time: string) => `Ký lúc ${time}`,
  contentHash: (hash: string) => `Mã băm nội dung đã ký (SHA-256): ${hash}`,
  generatedAt: (time: string) => `Lập bởi hệ thống eISO lúc ${time}`,
  page: (page: number, count: number) => `Trang ${page}/${count}`,
  recipients: ['Các thành viên tham dự;', 'Các đơn vị trong cơ quan;', 'Lưu: hồ sơ xem xét của lãnh đạo.'],
  fileName: (number: string) => `bao-cao-xem-xet-cua-lanh-dao-${number.replace('/', '-')}.pdf`,
  draftFileName: (number: string) => `du-thao-bao-cao-xem-xet-cua-lanh-dao-${number.replace('/', '-')}.pdf`,
};

const person = (p: MinutesPerson) => `${p.name}${p.position ? ` — ${p.position}` : ''}`;
const text = (value: string | null) => value?.trim() || MINUTES_TEXT.notWritten;

/**
 * The sections of the minutes in Vietnamese, in the order of ISO 9001 9.3.2 and 9.3.3, with the
 * figures of the compiled inputs (pure: the spec reads them without a PDF).
 */
export function minutesSections(b: MinutesBody): MinutesSection[] {
  const i = b.inputs;
  const findings = i.audits.findings;
  const risks = i.risks;
  const pa = i.previousActions;
  const dc = i.documentChanges;
  return [
    {
      heading: '1. Thời gian, địa điểm và thành phần',
      lines: [
        `Kỳ xem xét: từ ngày ${formatDateVi(b.periodFrom)} đến ngày ${formatDateVi(b.periodTo)}.`,
        `Ngày họp: ${formatDateVi(b.meetingDate)}${b.place ? `, tại ${b.place}` : ''}.`,
        `Chủ trì: ${person(b.chair)}.`,
        'Thành phần tham dự:',
        ...(b.attendees.length ? b.attendees.map((a) => `- ${person(a)}`) : [`- ${MINUTES_TEXT.none}`]),
        ...(b.guests.length ? [`Khách mời: ${b.guests.join('; ')}.`] : []),
      ],
    },
    {
      heading: '2. Tình trạng các hành động từ lần xem xét trước',
      lines: pa.reviewNumber
        ? [
            `Kỳ xem xét số ${pa.reviewNumber}: ${pa.total} hành động, đã hoàn thành ${pa.done}, ` +
              `đang thực hiện ${pa.open}, quá hạn ${pa.overdue}.`,
            ...pa.items.map(
              (a) =>
                `- ${a.description} — ${a.ownerName} — hạn ${formatDateVi(a.dueDate)} — ` +
                (a.doneOn
                  ? `hoàn thành ngày ${formatDateVi(a.doneOn)}`
                  : a.overdue
                    ? 'quá hạn'
                    : 'đang thực hiện'),
            ),
          ]
        : ['Đây là lần xem xét đầu tiên: không có hành động từ lần xem xét trước.'],
    },
    {
      heading: '3. Thay đổi của tài liệu và các vấn đề liên quan đến hệ thống',
      lines: [
        `Số tài liệu được ban hành có hiệu lực trong kỳ: ${dc.issuedCount}; số tài liệu bị hủy bỏ: ${dc.withdrawnCount}.`,
        ...dc.byType.map((t) => `- ${t.label}: ban hành ${t.issued}, hủy bỏ ${t.withdrawn}`),
        ...dc.issued.map(
          (v) =>
            `- ${v.code} — ${v.title} (${v.versionLabel}, hiệu lực từ ngày ${formatDateVi(v.effectiveFrom)})`,
        ),
        ...dc.withdrawn.map((d) => `- Hủy bỏ ${d.code} — ${d.title} (ngày ${formatDateVi(d.withdrawnOn)})`),
        i.qualityPolicy
          ? `Chính sách chất lượng đang hiệu lực: ${i.qualityPolicy.code} — ${i.qualityPolicy.title} ` +
            `(${i.qualityPolicy.versionLabel}, hiệu lực từ ngày ${formatDateVi(i.qualityPolicy.effectiveFrom)}).`
          : 'Chưa có chính sách chất lượng đang hiệu lực vào cuối kỳ.',
        `Thay đổi của các vấn đề nội bộ và bên ngoài: ${text(b.manual.contextChanges)}`,
      ],
    },
    {
      heading: '4. Mức độ đạt được các mục tiêu chất lượng',
      lines: [
        `Tổng số mục tiêu: ${i.objectives.total}; ` +
          i.objectives.byStatus.map((s) => `${s.label.toLowerCase()}: ${s.count}`).join('; ') +
          '.',
        ...i.objectives.items.map(
          (o) =>
            `- ${o.statement} — kết quả: ${o.result === null ? 'chưa có số liệu' : `${formatNumberVi(o.result)}${o.unit}`} ` +
            `(chỉ tiêu ${o.direction === 'at_least' ? '≥' : '≤'} ${formatNumberVi(o.target)}${o.unit}) — ${o.ownerOrgUnitName}`,
        ),
      ],
    },
    {
      heading: '5. Kết quả đánh giá nội bộ',
      lines: [
        `Số cuộc đánh giá đã báo cáo trong kỳ: ${i.audits.total}; phát hiện: ${findings.major_nc} không phù hợp nặng, ` +
          `${findings.minor_nc} không phù hợp nhẹ, ${findings.observation} điểm cần lưu ý, ${findings.ofi} cơ hội cải tiến.`,
        ...i.audits.items.map(
          (a) =>
            `- Cuộc đánh giá số ${a.number}: ${a.title} (${formatDateVi(a.startDate)} – ${formatDateVi(a.endDate)}), ` +
            `trưởng đoàn ${a.leadAuditorName}`,
        ),
      ],
    },
    {
      heading: '6. Sự không phù hợp và hành động khắc phục',
      lines: [
        `Tổng số sự không phù hợp trong kỳ: ${i.nonconformities.total}; đã kết thúc: ${i.nonconformities.closed}; ` +
          `hành động quá hạn: ${i.nonconformities.overdueActions}` +
          (i.nonconformities.meanDaysToClose === null
            ? '.'
            : `; thời gian xử lý bình quân: ${formatNumberVi(i.nonconformities.meanDaysToClose)} ngày.`),
        ...countsLine(
          'Theo nguồn',
          i.nonconformities.bySource.filter((s) => s.count).map((s) => `${s.label} ${s.count}`),
        ),
        ...countsLine(
          'Theo điều khoản',
          i.nonconformities.byClause.map((c) =>
            c.clause === null ? `chưa xác định điều khoản ${c.count}` : `${c.clause}: ${c.count}`,
          ),
        ),
      ],
    },
    {
      heading: '7. Sự thỏa mãn và phản hồi của khách hàng',
      lines: [
        `Số phản ánh, kiến nghị trong kỳ: ${i.complaints.total}; số hồ sơ TTHC giải quyết trễ hạn: ${i.lateDossiers.count}.`,
        ...i.complaints.items.map(
          (c) => `- Số ${c.number} (${formatDateVi(c.detectedOn)}): ${c.title} — ${c.stateLabel}`,
        ),
        `Ý kiến của khách hàng: ${text(b.manual.customerFeedback)}`,
      ],
    },
    {
      heading: '8. Kết quả thực hiện của nhà cung cấp bên ngoài',
      lines: [text(b.manual.providerPerformance)],
    },
    {
      heading: '9. Sự thỏa đáng của nguồn lực',
      lines: [text(b.manual.resourceAdequacy)],
    },
    {
      heading: '10. Hiệu lực của các hành động giải quyết rủi ro và cơ hội',
      lines: [
        `Rủi ro, cơ hội đang mở cuối kỳ: ${risks.open.total} (${risks.open.risks} rủi ro, ${risks.open.opportunities} cơ hội); ` +
          `mức cao ${risks.open.byLevel.high}, trung bình ${risks.open.byLevel.medium}, thấp ${risks.open.byLevel.low}.`,
        `Phát sinh trong kỳ: ${risks.raised}; đã đóng: ${risks.closed}; số lần đánh giá lại: ${risks.reassessments.length}.`,
        ...risks.high.map((r) => `- ${r.code}: ${r.description} (điểm ${r.score}) — ${r.ownerOrgUnitName}`),
      ],
    },
    {
      heading: '11. Các cơ hội cải tiến',
      lines: [text(b.manual.improvementOpportunities)],
    },
    {
      heading: '12. Kết luận',
      lines: [
        `Sự phù hợp của hệ thống quản lý chất lượng: ${text(b.conclusions.suitability)}`,
        `Sự thỏa đáng: ${text(b.conclusions.adequacy)}`,
        `Hiệu lực: ${text(b.conclusions.effectiveness)}`,
      ],
    },
    {
      heading: '13. Quyết định và hành động',
      lines: b.actions.length
        ? b.actions.map(
            (a, n) =>
              `${n + 1}. [${REVIEW_ACTION_KIND_LABELS[a.kind]}] ${a.description} — thực hiện: ${a.ownerName} — ` +
              `hạn ${formatDateVi(a.dueDate)}`,
          )
        : [MINUTES_TEXT.none],
    },
  ];
}

/** 97.5 → "97,5"; 98 → "98". */
export function formatNumberVi(value: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);
}

/** "Theo nguồn: Đánh giá nội bộ 2; Phản ánh, kiến nghị 1." — nothing when there is nothing to count. */
function countsLine(caption: string, parts: readonly string[]): string[] {
  return parts.length ? [`${caption}: ${parts.join('; ')}.`] : [];
}
