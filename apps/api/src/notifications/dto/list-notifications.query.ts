import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { NotificationListQuery } from '@eiso/notifications';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsOptionalNotNull } from '../../http/field-formats';

export class ListNotificationsQuery extends PageQueryDto implements NotificationListQuery {
  @ApiPropertyOptional({ default: false, description: 'true: chỉ các thông báo chưa đọc' })
  @IsOptionalNotNull()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : (value as unknown)))
  @IsBoolean()
  unreadOnly?: boolean;
}
