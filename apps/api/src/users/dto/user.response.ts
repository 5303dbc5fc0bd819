import { ApiProperty } from '@nestjs/swagger';
import { Role } from '@eiso/common';
import { UserView } from '@eiso/identity';

/** What the API shows of a user (never the password hash or login counters); ETag `"<version>"`. */
export class UserResponse implements UserView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'nva' })
  username: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  fullName: string;

  @ApiProperty({ nullable: true, type: String, example: 'nva@sotuphap.kontum.gov.vn' })
  email: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Chánh Văn phòng', description: 'Chức vụ' })
  position: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: quản trị hệ thống' })
  agencyId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  orgUnitId: string | null;

  @ApiProperty({ enum: Role, enumName: 'Role', isArray: true })
  roles: Role[];

  @ApiProperty({ description: 'Tài khoản đang hoạt động' })
  active: boolean;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Bị khóa đăng nhập đến thời điểm này (nhập sai mật khẩu nhiều lần)',
  })
  lockedUntil: string | null;

  @ApiProperty({ description: 'Mật khẩu do người khác đặt: phải đổi trước khi làm việc khác' })
  mustChangePassword: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastLoginAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Phiên bản dòng dữ liệu; ETag là "<version>"' })
  version: number;
}
