import { ApiProperty } from '@nestjs/swagger';
import { RestructureKind, type RestructureConflict, type RestructureResult } from '@eiso/restructuring';

class AgencyNameResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

class TransferOfAgencyResponse {
  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: {
        moved: { type: 'object', additionalProperties: { type: 'integer' } },
        renamed: { type: 'object', additionalProperties: { type: 'integer' } },
        kept: { type: 'object', additionalProperties: { type: 'integer' } },
        keptBecause: { type: 'string' },
      },
    },
    description: 'Theo lĩnh vực: số dòng đã chuyển, đã thêm tiền tố mã, giữ lại (và lý do)',
  })
  report: RestructureResult['transfers'][number]['report'];
}

class RestructureConflictResponse implements RestructureConflict {
  @ApiProperty({ example: 'documents' })
  domain: string;

  @ApiProperty({ format: 'uuid' })
  fromAgencyId: string;

  @ApiProperty({ example: 'document' })
  table: string;

  @ApiProperty({ enum: ['code_taken', 'open'] })
  reason: 'code_taken' | 'open';

  @ApiProperty({ example: 'QT-01' })
  key: string;

  @ApiProperty({ format: 'uuid' })
  fromId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  toId: string | null;
}

export class RestructureResultResponse implements RestructureResult {
  @ApiProperty({ enum: RestructureKind, enumName: 'RestructureKind' })
  kind: RestructureKind;

  @ApiProperty({ format: 'date' })
  effectiveDate: string;

  @ApiProperty({ type: [AgencyNameResponse] })
  from: AgencyNameResponse[];

  @ApiProperty({ type: AgencyNameResponse })
  to: AgencyNameResponse;

  @ApiProperty({ type: [TransferOfAgencyResponse] })
  transfers: TransferOfAgencyResponse[];

  @ApiProperty({ type: 'integer' })
  childrenMoved: number;

  @ApiProperty({ type: [RestructureConflictResponse] })
  conflicts: RestructureConflictResponse[];

  @ApiProperty({ description: 'Chỉ xem trước: chưa thay đổi gì' })
  preview: boolean;
}
