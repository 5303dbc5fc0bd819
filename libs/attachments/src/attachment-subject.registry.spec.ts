import { Injectable, INestApplicationContext, Module, Provider } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { ErrorCode } from '@eiso/common';
import { AttachmentSubject, AttachmentSubjectOf, WritableSubject } from './attachment-subject';
import { AttachmentSubjectRegistry } from './attachment-subject.registry';

abstract class TestSubject implements AttachmentSubject {
  readonly errors = { fileNotFound: ErrorCode.RecordFileNotFound, fileDeleted: ErrorCode.RecordDisposed };
  readonly audit = { uploaded: 'record_file.uploaded' } as const;
  findReadable(): Promise<{ agencyId: string }> {
    return Promise.resolve({ agencyId: 'a' });
  }
  findWritable(): Promise<WritableSubject> {
    return Promise.resolve({ agencyId: 'a', keyPrefix: 'agency/a' });
  }
}

@Injectable()
@AttachmentSubjectOf('audit_evidence')
class AuditEvidence extends TestSubject {}

@Injectable()
@AttachmentSubjectOf('capa_evidence')
class CapaEvidence extends TestSubject {}

@Injectable()
@AttachmentSubjectOf('audit_evidence')
class CompetingEvidence extends TestSubject {}

@Injectable()
@AttachmentSubjectOf('Bad-Type')
class BadlyNamed extends TestSubject {}

async function boot(providers: Provider[]): Promise<INestApplicationContext> {
  @Module({ imports: [DiscoveryModule], providers: [AttachmentSubjectRegistry, ...providers] })
  class RegistryTestModule {}
  return NestFactory.createApplicationContext(RegistryTestModule, { logger: false, abortOnError: false });
}

describe('AttachmentSubjectRegistry', () => {
  it('finds each domain’s subject type at start-up', async () => {
    const app = await boot([AuditEvidence, CapaEvidence]);
    const registry = app.get(AttachmentSubjectRegistry);
    expect(registry.types()).toEqual(['audit_evidence', 'capa_evidence']);
    expect(registry.of('capa_evidence')).toBe(app.get(CapaEvidence));
    expect(() => registry.of('measurement_evidence')).toThrow('No attachment subject registered');
    await app.close();
  });

  it('fails the boot when two providers claim one subject type', async () => {
    await expect(boot([AuditEvidence, CompetingEvidence])).rejects.toThrow(
      'Attachment subject type "audit_evidence" is registered twice',
    );
  });

  it('fails the boot on a type that could not be an SQL-friendly name', async () => {
    await expect(boot([BadlyNamed])).rejects.toThrow('Invalid attachment subject type "Bad-Type"');
  });
});
