import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { OrgUnitListQuery } from '@eiso/organizations';
import { PageQueryDto } from '../../http/page-query.dto';

export class ListOrgUnitsQuery extends PageQueryDto implements OrgUnitListQuery {
  @ApiPropertyOptional({ description: 'Tìm theo tên, không phân biệt dấu và hoa thường' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Lọc theo tình trạng hoạt động' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : (value as unknown)))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Lọc các phòng, ban trực thuộc phòng, ban này' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}
