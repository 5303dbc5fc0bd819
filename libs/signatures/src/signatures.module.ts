import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@eiso/identity';
import { SignatureEntity } from './signature.entity';
import { SignatureRepository } from './signature.repository';
import { SignaturesService } from './signatures.service';

/** Signing for every domain: one `signature` table keyed by subject type and id. */
@Module({
  imports: [TypeOrmModule.forFeature([SignatureEntity]), IdentityModule],
  providers: [SignatureRepository, SignaturesService],
  exports: [SignaturesService],
})
export class SignaturesModule {}
