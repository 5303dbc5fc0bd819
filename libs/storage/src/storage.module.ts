import { AppConfig } from '@eiso/config';
import {
  DynamicModule,
  FactoryProvider,
  Logger,
  Module,
  ModuleMetadata,
  Provider,
  ValueProvider,
} from '@nestjs/common';
import { resolve } from 'node:path';
import { LocalDiskStorageDriver } from './local-disk.storage-driver';
import { LocalLinkSigner } from './local-link.signer';
import { S3StorageDriver } from './s3.storage-driver';
import { StorageMessages } from './storage.messages';
import { STORAGE_LINK_SECRET } from './storage.tokens';
import { StorageDriver } from './storage.driver';

export interface StorageModuleOptions {
  /**
   * How to obtain STORAGE_LINK_SECRET. Defaults to `config.JWT_SECRET`; the embedded profile,
   * where that may be unset at config time, passes a factory that returns its generated secret.
   */
  linkSecret?: Omit<FactoryProvider<string>, 'provide'> | Omit<ValueProvider<string>, 'provide'>;
  /** Modules the linkSecret factory needs. */
  imports?: ModuleMetadata['imports'];
}

const MIB = 1024 * 1024;

/** Provides StorageDriver (S3 when S3_ENDPOINT is set, else the local disk) and LocalLinkSigner everywhere. */
@Module({})
export class StorageModule {
  static forRoot(options: StorageModuleOptions = {}): DynamicModule {
    const secret: Provider = {
      provide: STORAGE_LINK_SECRET,
      ...(options.linkSecret ?? {
        useFactory: (config: AppConfig) => config.JWT_SECRET,
        inject: [AppConfig],
      }),
    };
    return {
      module: StorageModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        secret,
        {
          provide: LocalLinkSigner,
          useFactory: (linkSecret: string) => new LocalLinkSigner(linkSecret),
          inject: [STORAGE_LINK_SECRET],
        },
        { provide: StorageDriver, useFactory: createStorageDriver, inject: [AppConfig, LocalLinkSigner] },
      ],
      exports: [StorageDriver, LocalLinkSigner, STORAGE_LINK_SECRET],
    };
  }
}

function createStorageDriver(config: AppConfig, signer: LocalLinkSigner): StorageDriver {
  const logger = new Logger(StorageModule.name);
  if (config.usesS3) {
    const {
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY: accessKey,
      S3_SECRET_KEY: secretKey,
      S3_BUCKET: bucket,
    } = config;
    // Config validation requires these with S3_ENDPOINT; the check only narrows the types.
    if (!endpoint || !accessKey || !secretKey || !bucket) {
      throw new Error('S3_ENDPOINT needs S3_ACCESS_KEY, S3_SECRET_KEY and S3_BUCKET');
    }
    logger.log(StorageMessages.usingS3(new URL(endpoint).origin, bucket));
    return new S3StorageDriver({
      endpoint,
      accessKey,
      secretKey,
      bucket,
      region: config.S3_REGION,
      partSizeBytes: config.S3_PART_SIZE_MB * MIB,
      connectTimeoutMs: config.S3_CONNECT_TIMEOUT_MS,
      requestTimeoutMs: config.S3_REQUEST_TIMEOUT_MS,
    });
  }
  const root = resolve(config.EISO_DATA_DIR, 'files');
  logger.log(StorageMessages.usingLocalDisk(root));
  return new LocalDiskStorageDriver({ root, signer });
}
