import { ApiProperty } from '@nestjs/swagger';
import { IsoClauseMappingView, IsoClauseView, IsoEditionView } from '@eiso/iso-clauses';

/** An edition of ISO 9001 whose clauses the system knows. */
export class IsoEditionResponse implements IsoEditionView {
  @ApiProperty({ example: 'TCVN ISO 9001:2015', description: 'Mã phiên bản' })
  code: string;

  @ApiProperty({ example: 'TCVN ISO 9001:2015 Hệ thống quản lý chất lượng — Các yêu cầu' })
  title: string;

  @ApiProperty({ type: 'integer', example: 2015, description: 'Năm công bố' })
  publishedYear: number;

  @ApiProperty({ description: 'Phiên bản đang áp dụng (mặc định khi không nêu phiên bản)' })
  isCurrent: boolean;
}

/** A clause or sub-clause of an edition. */
export class IsoClauseResponse implements IsoClauseView {
  @ApiProperty({ example: 'TCVN ISO 9001:2015' })
  edition: string;

  @ApiProperty({ example: '9.2.1', description: 'Số điều khoản' })
  number: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '9.2',
    description: 'Điều khoản cha; null với điều 4–10',
  })
  parentNumber: string | null;

  @ApiProperty({ example: 'Đánh giá nội bộ', description: 'Tên điều khoản theo TCVN' })
  titleVi: string;

  @ApiProperty({ example: 'Internal audit' })
  titleEn: string;

  @ApiProperty({ type: 'integer', example: 2, description: 'Cấp: 1 với "9", 2 với "9.2", 3 với "9.2.1"…' })
  level: number;
}

/** Where a clause of one edition went in another. */
export class IsoClauseMappingResponse implements IsoClauseMappingView {
  @ApiProperty({ example: 'TCVN ISO 9001:2015' })
  fromEdition: string;

  @ApiProperty({ example: '9.2' })
  fromNumber: string;

  @ApiProperty({ example: 'Đánh giá nội bộ' })
  fromTitleVi: string;

  @ApiProperty({ example: 'ISO 9001:2026' })
  toEdition: string;

  @ApiProperty({ example: '9.2' })
  toNumber: string;

  @ApiProperty({ example: 'Đánh giá nội bộ' })
  toTitleVi: string;

  @ApiProperty({ type: String, nullable: true, description: 'Ghi chú về thay đổi' })
  note: string | null;
}
