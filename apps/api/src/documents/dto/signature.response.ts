import { ApiProperty } from '@nestjs/swagger';
import { SignatureView } from '@eiso/documents';
import { SignatureMeaning } from '@eiso/signatures';
import { SignatureFactsResponse } from '../../http/openapi/signature-facts.response';

export class SignatureResponse extends SignatureFactsResponse implements SignatureView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: Object.values(SignatureMeaning), enumName: 'SignatureMeaning' })
  meaning: SignatureMeaning;

  @ApiProperty({ example: 'Phê duyệt' })
  meaningLabel: string;

  @ApiProperty({ nullable: true, type: String, description: 'Ý kiến kèm chữ ký' })
  comment: string | null;
}
