import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsString, IsUUID, MaxLength } from 'class-validator';
import { OrgUnitListQuery } from '@eiso/organizations';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsOptionalNotNull } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

export class ListOrgUnitsQuery extends PageQueryDto implements OrgUnitListQuery {
  @ApiPropertyOptional({ description: 'Tìm theo tên, không phân biệt dấu và hoa thường' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Lọc theo tình trạng hoạt động' })
  @IsOptionalNotNull()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : (value as unknown)))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Lọc các phòng, ban trực thuộc phòng, ban này' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Phòng, ban cấp trên')
  parentId?: string;
}
