import { ApiProperty } from '@nestjs/swagger';
import { OrgUnitView } from '@eiso/organizations';

export class OrgUnitResponse implements OrgUnitView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'Cơ quan' })
  agencyId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Phòng, ban cấp trên' })
  parentId: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Mã phòng, ban' })
  code: string | null;

  @ApiProperty({ example: 'Phòng Hành chính - Tổng hợp', description: 'Tên phòng, ban' })
  name: string;

  @ApiProperty({ description: 'Đang hoạt động' })
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Phiên bản; ETag là "<version>"' })
  version: number;
}
