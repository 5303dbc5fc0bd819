import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clauses of TCVN ISO 9001 as data keyed by edition (DESIGN §6): an edition, its clauses
 * (number, Vietnamese title as in the TCVN text, English title, parent), and a mapping from one
 * edition's clauses to a later one's, so ISO 9001:2026 arrives as rows in a migration, not code.
 */
export class IsoClauses1764460000000 implements MigrationInterface {
  name = 'IsoClauses1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE iso_standard_edition (
        code text NOT NULL,
        title text NOT NULL,
        published_year integer NOT NULL,
        is_current boolean NOT NULL DEFAULT false,
        CONSTRAINT pk_iso_standard_edition PRIMARY KEY (code)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_iso_standard_edition_current ON iso_standard_edition (is_current) WHERE is_current`,
    );
    await q.query(`
      CREATE TABLE iso_clause (
        edition text NOT NULL,
        number text NOT NULL,
        parent_number text,
        title_vi text NOT NULL,
        title_en text NOT NULL,
        sort_key integer[] NOT NULL,
        CONSTRAINT pk_iso_clause PRIMARY KEY (edition, number),
        CONSTRAINT fk_iso_clause_edition FOREIGN KEY (edition) REFERENCES iso_standard_edition (code),
        CONSTRAINT fk_iso_clause_parent FOREIGN KEY (edition, parent_number) REFERENCES iso_clause (edition, number),
        CONSTRAINT ck_iso_clause_number CHECK (number ~ '^[0-9]+(\\.[0-9]+)*$')
      )`);
    await q.query(`
      CREATE TABLE iso_clause_mapping (
        from_edition text NOT NULL,
        from_number text NOT NULL,
        to_edition text NOT NULL,
        to_number text NOT NULL,
        note text,
        CONSTRAINT pk_iso_clause_mapping PRIMARY KEY (from_edition, from_number, to_edition, to_number),
        CONSTRAINT fk_iso_clause_mapping_from FOREIGN KEY (from_edition, from_number) REFERENCES iso_clause (edition, number),
        CONSTRAINT fk_iso_clause_mapping_to FOREIGN KEY (to_edition, to_number) REFERENCES iso_clause (edition, number)
      )`);
    await q.query(
      `INSERT INTO iso_standard_edition (code, title, published_year, is_current) VALUES ($1, $2, 2015, true)`,
      [TCVN_2015, 'TCVN ISO 9001:2015 Hệ thống quản lý chất lượng — Các yêu cầu'],
    );
    for (const [number, titleVi, titleEn] of CLAUSES_2015) {
      const parts = number.split('.');
      await q.query(
        `INSERT INTO iso_clause (edition, number, parent_number, title_vi, title_en, sort_key)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          TCVN_2015,
          number,
          parts.length > 1 ? parts.slice(0, -1).join('.') : null,
          titleVi,
          titleEn,
          parts.map(Number),
        ],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE iso_clause_mapping`);
    await q.query(`DROP TABLE iso_clause`);
    await q.query(`DROP TABLE iso_standard_edition`);
  }
}

const TCVN_2015 = 'TCVN ISO 9001:2015';

/**
 * Clauses 4–10 of TCVN ISO 9001:2015 with every numbered sub-clause (parents before children).
 * Titles are the TCVN text's. The standard numbers some paragraphs without a heading (4.4.1, 4.4.2,
 * 6.1.1, 6.1.2, 6.2.1, 6.2.2, 7.5.3.1, 7.5.3.2, 8.2.3.1, 8.2.3.2, 8.7.1, 8.7.2, 9.2.1, 9.2.2, 10.2.1,
 * 10.2.2): those carry a short title of what the paragraph requires, as Vietnamese checklists
 * name them, so that a picker or a finding tells them apart (the parent's title would not).
 */
const CLAUSES_2015: readonly (readonly [string, string, string])[] = [
  ['4', 'Bối cảnh của tổ chức', 'Context of the organization'],
  ['4.1', 'Hiểu tổ chức và bối cảnh của tổ chức', 'Understanding the organization and its context'],
  [
    '4.2',
    'Hiểu nhu cầu và mong đợi của các bên quan tâm',
    'Understanding the needs and expectations of interested parties',
  ],
  [
    '4.3',
    'Xác định phạm vi của hệ thống quản lý chất lượng',
    'Determining the scope of the quality management system',
  ],
  [
    '4.4',
    'Hệ thống quản lý chất lượng và các quá trình của hệ thống',
    'Quality management system and its processes',
  ],
  [
    '4.4.1',
    'Thiết lập, thực hiện, duy trì và cải tiến các quá trình',
    'Establishing, implementing, maintaining and improving the processes',
  ],
  ['4.4.2', 'Thông tin dạng văn bản về các quá trình', 'Documented information on the processes'],
  ['5', 'Sự lãnh đạo', 'Leadership'],
  ['5.1', 'Sự lãnh đạo và cam kết', 'Leadership and commitment'],
  ['5.1.1', 'Khái quát', 'General'],
  ['5.1.2', 'Hướng vào khách hàng', 'Customer focus'],
  ['5.2', 'Chính sách', 'Policy'],
  ['5.2.1', 'Thiết lập chính sách chất lượng', 'Establishing the quality policy'],
  ['5.2.2', 'Truyền đạt chính sách chất lượng', 'Communicating the quality policy'],
  [
    '5.3',
    'Vai trò, trách nhiệm và quyền hạn trong tổ chức',
    'Organizational roles, responsibilities and authorities',
  ],
  ['6', 'Hoạch định', 'Planning'],
  ['6.1', 'Hành động giải quyết rủi ro và cơ hội', 'Actions to address risks and opportunities'],
  ['6.1.1', 'Xác định rủi ro và cơ hội cần giải quyết', 'Determining the risks and opportunities to address'],
  [
    '6.1.2',
    'Hoạch định hành động giải quyết rủi ro và cơ hội',
    'Planning actions to address risks and opportunities',
  ],
  [
    '6.2',
    'Mục tiêu chất lượng và hoạch định để đạt được mục tiêu',
    'Quality objectives and planning to achieve them',
  ],
  ['6.2.1', 'Thiết lập mục tiêu chất lượng', 'Establishing quality objectives'],
  ['6.2.2', 'Hoạch định để đạt được mục tiêu chất lượng', 'Planning how to achieve quality objectives'],
  ['6.3', 'Hoạch định thay đổi', 'Planning of changes'],
  ['7', 'Hỗ trợ', 'Support'],
  ['7.1', 'Nguồn lực', 'Resources'],
  ['7.1.1', 'Khái quát', 'General'],
  ['7.1.2', 'Con người', 'People'],
  ['7.1.3', 'Cơ sở hạ tầng', 'Infrastructure'],
  ['7.1.4', 'Môi trường cho việc thực hiện các quá trình', 'Environment for the operation of processes'],
  ['7.1.5', 'Nguồn lực theo dõi và đo lường', 'Monitoring and measuring resources'],
  ['7.1.5.1', 'Khái quát', 'General'],
  ['7.1.5.2', 'Liên kết chuẩn đo lường', 'Measurement traceability'],
  ['7.1.6', 'Tri thức của tổ chức', 'Organizational knowledge'],
  ['7.2', 'Năng lực', 'Competence'],
  ['7.3', 'Nhận thức', 'Awareness'],
  ['7.4', 'Trao đổi thông tin', 'Communication'],
  ['7.5', 'Thông tin dạng văn bản', 'Documented information'],
  ['7.5.1', 'Khái quát', 'General'],
  ['7.5.2', 'Tạo và cập nhật', 'Creating and updating'],
  ['7.5.3', 'Kiểm soát thông tin dạng văn bản', 'Control of documented information'],
  ['7.5.3.1', 'Tính sẵn có, thích hợp và được bảo vệ', 'Availability, suitability and protection'],
  [
    '7.5.3.2',
    'Phân phối, truy cập, lưu giữ, kiểm soát thay đổi và hủy bỏ',
    'Distribution, access, storage, control of changes, retention and disposition',
  ],
  ['8', 'Thực hiện', 'Operation'],
  ['8.1', 'Hoạch định và kiểm soát việc thực hiện', 'Operational planning and control'],
  ['8.2', 'Yêu cầu đối với sản phẩm và dịch vụ', 'Requirements for products and services'],
  ['8.2.1', 'Trao đổi thông tin với khách hàng', 'Customer communication'],
  [
    '8.2.2',
    'Xác định các yêu cầu đối với sản phẩm và dịch vụ',
    'Determining the requirements for products and services',
  ],
  [
    '8.2.3',
    'Xem xét các yêu cầu đối với sản phẩm và dịch vụ',
    'Review of the requirements for products and services',
  ],
  ['8.2.3.1', 'Xem xét trước khi cam kết cung cấp', 'Review before committing to supply'],
  ['8.2.3.2', 'Lưu giữ thông tin về kết quả xem xét', 'Documented information on the results of the review'],
  [
    '8.2.4',
    'Thay đổi các yêu cầu đối với sản phẩm và dịch vụ',
    'Changes to requirements for products and services',
  ],
  ['8.3', 'Thiết kế và phát triển sản phẩm, dịch vụ', 'Design and development of products and services'],
  ['8.3.1', 'Khái quát', 'General'],
  ['8.3.2', 'Hoạch định thiết kế và phát triển', 'Design and development planning'],
  ['8.3.3', 'Đầu vào thiết kế và phát triển', 'Design and development inputs'],
  ['8.3.4', 'Kiểm soát thiết kế và phát triển', 'Design and development controls'],
  ['8.3.5', 'Đầu ra thiết kế và phát triển', 'Design and development outputs'],
  ['8.3.6', 'Thay đổi thiết kế và phát triển', 'Design and development changes'],
  [
    '8.4',
    'Kiểm soát quá trình, sản phẩm và dịch vụ do bên ngoài cung cấp',
    'Control of externally provided processes, products and services',
  ],
  ['8.4.1', 'Khái quát', 'General'],
  ['8.4.2', 'Loại và mức độ kiểm soát', 'Type and extent of control'],
  ['8.4.3', 'Thông tin cho nhà cung cấp bên ngoài', 'Information for external providers'],
  ['8.5', 'Sản xuất và cung cấp dịch vụ', 'Production and service provision'],
  ['8.5.1', 'Kiểm soát sản xuất và cung cấp dịch vụ', 'Control of production and service provision'],
  ['8.5.2', 'Nhận biết và xác định nguồn gốc', 'Identification and traceability'],
  [
    '8.5.3',
    'Tài sản của khách hàng hoặc nhà cung cấp bên ngoài',
    'Property belonging to customers or external providers',
  ],
  ['8.5.4', 'Bảo toàn', 'Preservation'],
  ['8.5.5', 'Hoạt động sau giao hàng', 'Post-delivery activities'],
  ['8.5.6', 'Kiểm soát thay đổi', 'Control of changes'],
  ['8.6', 'Thông qua sản phẩm và dịch vụ', 'Release of products and services'],
  ['8.7', 'Kiểm soát đầu ra không phù hợp', 'Control of nonconforming outputs'],
  [
    '8.7.1',
    'Nhận biết và kiểm soát đầu ra không phù hợp',
    'Identifying and controlling nonconforming outputs',
  ],
  ['8.7.2', 'Lưu giữ thông tin về đầu ra không phù hợp', 'Documented information on nonconforming outputs'],
  ['9', 'Đánh giá kết quả thực hiện', 'Performance evaluation'],
  ['9.1', 'Theo dõi, đo lường, phân tích và đánh giá', 'Monitoring, measurement, analysis and evaluation'],
  ['9.1.1', 'Khái quát', 'General'],
  ['9.1.2', 'Sự thỏa mãn của khách hàng', 'Customer satisfaction'],
  ['9.1.3', 'Phân tích và đánh giá', 'Analysis and evaluation'],
  ['9.2', 'Đánh giá nội bộ', 'Internal audit'],
  ['9.2.1', 'Mục đích và tần suất đánh giá nội bộ', 'Purpose and planned intervals of internal audits'],
  ['9.2.2', 'Chương trình và việc thực hiện đánh giá nội bộ', 'Audit programme and conduct of audits'],
  ['9.3', 'Xem xét của lãnh đạo', 'Management review'],
  ['9.3.1', 'Khái quát', 'General'],
  ['9.3.2', 'Đầu vào xem xét của lãnh đạo', 'Management review inputs'],
  ['9.3.3', 'Đầu ra xem xét của lãnh đạo', 'Management review outputs'],
  ['10', 'Cải tiến', 'Improvement'],
  ['10.1', 'Khái quát', 'General'],
  ['10.2', 'Sự không phù hợp và hành động khắc phục', 'Nonconformity and corrective action'],
  [
    '10.2.1',
    'Xử lý sự không phù hợp và hành động khắc phục',
    'Reacting to a nonconformity and taking corrective action',
  ],
  [
    '10.2.2',
    'Lưu giữ thông tin về sự không phù hợp và hành động khắc phục',
    'Documented information on nonconformities and corrective actions',
  ],
  ['10.3', 'Cải tiến liên tục', 'Continual improvement'],
];
