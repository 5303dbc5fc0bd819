import { ApiProperty } from '@nestjs/swagger';
import {
  ConformityReadiness,
  READINESS_CHECK_CODES,
  READINESS_SUBJECT_TYPES,
  ReadinessCheck,
  ReadinessCheckCode,
  ReadinessItem,
  ReadinessSubjectType,
} from '@eiso/conformity';

export class ReadinessItemResponse implements ReadinessItem {
  @ApiProperty({ example: 'CS-01 — Chính sách chất lượng' })
  label: string;

  @ApiProperty({
    nullable: true,
    enum: READINESS_SUBJECT_TYPES,
    enumName: 'ReadinessSubjectType',
    description: 'Loại đối tượng để mở; null khi không có gì để mở',
  })
  subjectType: ReadinessSubjectType | null;

  @ApiProperty({ nullable: true, type: String, description: 'Mã đối tượng (mã TTHC với loại tthc)' })
  subjectId: string | null;
}

export class ReadinessCheckResponse implements ReadinessCheck {
  @ApiProperty({ enum: READINESS_CHECK_CODES, enumName: 'ReadinessCheckCode' })
  code: ReadinessCheckCode;

  @ApiProperty({ example: 'Chính sách chất lượng có hiệu lực' })
  title: string;

  @ApiProperty()
  passed: boolean;

  @ApiProperty({ example: 'CS-01 — Chính sách chất lượng, hiệu lực từ 10/02/2026.' })
  detail: string;

  @ApiProperty({ type: [ReadinessItemResponse], description: 'Những gì đáp ứng điều kiện' })
  found: ReadinessItemResponse[];

  @ApiProperty({ type: [ReadinessItemResponse], description: 'Những gì còn thiếu (rỗng khi đạt)' })
  missing: ReadinessItemResponse[];
}

export class ReadinessResponse implements ConformityReadiness {
  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ format: 'date', description: 'Ngày kiểm tra (giờ Việt Nam)' })
  asOf: string;

  @ApiProperty({ description: 'Đủ điều kiện công bố: mọi điều kiện đều đạt' })
  ready: boolean;

  @ApiProperty({ type: [String], description: 'Mã TTHC trong phạm vi đã kiểm tra' })
  scope: string[];

  @ApiProperty({ type: [ReadinessCheckResponse] })
  checks: ReadinessCheckResponse[];
}
