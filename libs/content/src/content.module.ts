import { Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@eiso/config';
import { CatchUpJobHandler } from './catch-up.job-handler';
import { ContentIndex } from './content-index.service';
import { CONTENT_MESSAGES } from './content.messages';
import { chooseConverter, DocumentConverter } from './conversion';
import { ExtractJobHandler } from './extract.job-handler';
import { FileContentEntity } from './file-content.entity';
import { FileContentRepository } from './file-content.repository';
import { RenderJobHandler } from './render.job-handler';
import { RenditionService } from './rendition.service';
import { TextExtractionService } from './text-extraction.service';

/**
 * What is inside the files (DESIGN §13 "Content"): renditions and text of stored objects. Below
 * the attachments lib, which tracks and forgets objects through `ContentIndex`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([FileContentEntity])],
  providers: [
    {
      provide: DocumentConverter,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => chooseConverter(config),
    },
    FileContentRepository,
    ContentIndex,
    RenditionService,
    TextExtractionService,
    RenderJobHandler,
    ExtractJobHandler,
    CatchUpJobHandler,
  ],
  exports: [ContentIndex, DocumentConverter],
})
export class ContentModule implements OnModuleInit {
  private readonly logger = new Logger(ContentModule.name);

  constructor(@Inject(DocumentConverter) private readonly converter: DocumentConverter) {}

  onModuleInit(): void {
    // Which converter renders Word files decides what a controlled copy holds: said at every start.
    if (this.converter.kind === 'none') this.logger.warn(CONTENT_MESSAGES.noConverterInUse);
    else this.logger.log(CONTENT_MESSAGES.converterInUse(this.converter.description));
  }
}
