import { Module } from '@nestjs/common';
import { DocumentsModule } from '@eiso/documents';
import { AcknowledgementsController } from './acknowledgements.controller';
import { DocumentFilesController } from './document-files.controller';
import { DocumentVersionsController } from './document-versions.controller';
import { DocumentWorkflowController } from './document-workflow.controller';
import { DocumentsController } from './documents.controller';
import { SignatureManifestController } from './signature-manifest.controller';

@Module({
  imports: [DocumentsModule],
  controllers: [
    DocumentsController,
    DocumentVersionsController,
    DocumentWorkflowController,
    DocumentFilesController,
    AcknowledgementsController,
    SignatureManifestController,
  ],
})
export class DocumentsHttpModule {}
