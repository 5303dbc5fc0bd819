import { ApiProperty } from '@nestjs/swagger';
import {
  DeclarationKind,
  DeclarationRef,
  DeclarationState,
  DeclarationSummaryView,
  DeclarationView,
  DeclaredProcedure,
} from '@eiso/conformity';
import { SignatureFactsResponse } from '../../http/openapi/signature-facts.response';

export class DeclarationSummaryResponse implements DeclarationSummaryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ example: 'Sở Tư pháp tỉnh Kon Tum' })
  agencyName: string;

  @ApiProperty({ enum: DeclarationKind, enumName: 'DeclarationKind' })
  kind: DeclarationKind;

  @ApiProperty({ example: 'Công bố lần đầu' })
  kindLabel: string;

  @ApiProperty({ enum: DeclarationState, enumName: 'DeclarationState' })
  state: DeclarationState;

  @ApiProperty({ example: 'Đã ký' })
  stateLabel: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '03/QĐ-STP',
    description: 'Số quyết định; null khi còn dự thảo',
  })
  number: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Ngày ký quyết định' })
  decisionDate: string | null;

  @ApiProperty({ type: [String], example: ['1.000948'] })
  tthcCodes: string[];

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  signedAt: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  submittedAt: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  acknowledgedAt: string | null;

  @ApiProperty({ description: 'Đã được thay thế bằng một quyết định công bố lại' })
  superseded: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer' })
  version: number;
}

export class DeclaredProcedureResponse implements DeclaredProcedure {
  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty({ format: 'uuid', description: 'Phiên bản đang hiệu lực khi chốt phạm vi' })
  versionId: string;

  @ApiProperty({ example: 'QT-TP-01' })
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: [String] })
  tthcCodes: string[];
}

export class DeclarationRefResponse implements DeclarationRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ nullable: true, type: String })
  number: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date' })
  decisionDate: string | null;
}

export class DeclarationPdfResponse {
  @ApiProperty({ type: 'integer' })
  size: number;

  @ApiProperty()
  sha256: string;
}

export class DeclarationResponse extends DeclarationSummaryResponse implements DeclarationView {
  @ApiProperty({ type: [String], description: 'Căn cứ pháp lý, theo thứ tự in' })
  legalBases: string[];

  @ApiProperty({ type: [DeclaredProcedureResponse] })
  procedures: DeclaredProcedureResponse[];

  @ApiProperty({
    type: DeclarationRefResponse,
    nullable: true,
    description: 'Quyết định được công bố lại thay thế',
  })
  supersedes: DeclarationRefResponse | null;

  @ApiProperty({ type: DeclarationRefResponse, nullable: true })
  supersededBy: DeclarationRefResponse | null;

  @ApiProperty({ type: SignatureFactsResponse, nullable: true })
  signature: SignatureFactsResponse | null;

  @ApiProperty({ type: DeclarationPdfResponse, nullable: true })
  pdf: DeclarationPdfResponse | null;

  @ApiProperty({ nullable: true, type: String, description: 'Người gửi Sở KH&CN' })
  submittedBy: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Người của Sở KH&CN xác nhận tiếp nhận' })
  acknowledgedBy: string | null;
}
