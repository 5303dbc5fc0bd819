import { ApiProperty } from '@nestjs/swagger';
import { ExternalSource } from '@eiso/documents';

/** What identifies an external document in the Danh mục tài liệu bên ngoài. */
export class ExternalSourceResponse implements ExternalSource {
  @ApiProperty({ description: 'Cơ quan ban hành' })
  issuingBody: string;

  @ApiProperty({ example: '30/2020/NĐ-CP', description: 'Số, ký hiệu' })
  numberSymbol: string;

  @ApiProperty({ format: 'date', description: 'Ngày ban hành' })
  issuedDate: string;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Ngày có hiệu lực' })
  inForceDate: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Nơi lưu' })
  storagePlace: string | null;
}
