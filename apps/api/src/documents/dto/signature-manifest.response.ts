import { ApiProperty } from '@nestjs/swagger';
import { SignatureManifest, SignatureManifestEntry, VersionState } from '@eiso/documents';
import { SignatureResponse } from './signature.response';

export class SignatureManifestEntryResponse extends SignatureResponse implements SignatureManifestEntry {
  @ApiProperty({ description: 'Mã băm tính lại từ dữ liệu đang lưu khớp với mã băm đã ký' })
  contentVerified: boolean;
}

/** Every signature of one version, oldest first. */
export class SignatureManifestResponse implements SignatureManifest {
  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty({ example: 'QT-HT-01' })
  code: string;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ type: 'integer' })
  revision: number;

  @ApiProperty({ type: 'integer', nullable: true })
  issueNumber: number | null;

  @ApiProperty({ enum: VersionState, enumName: 'VersionState' })
  state: VersionState;

  @ApiProperty()
  stateLabel: string;

  @ApiProperty({ type: [SignatureManifestEntryResponse] })
  signatures: SignatureManifestEntryResponse[];
}
