import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule, BullBoardModuleOptions } from '@bull-board/nestjs';
import type { NextFunction, Request, Response } from 'express';
import { DomainException, ErrorCode } from '@eiso/common';
import { AppConfig } from '@eiso/config';
import { IdentityModule } from '@eiso/identity';
import { ALL_QUEUE_NAMES } from '@eiso/queue';
import { QueueDashboardAccess } from './queue-dashboard-access';
import { QueueDashboardSessionController } from './queue-dashboard-session.controller';
import { QUEUE_DASHBOARD_PATH } from './queue-dashboard.constants';

/** The access check, in a module of its own so that the dashboard's async options can import it. */
@Module({
  imports: [IdentityModule],
  providers: [QueueDashboardAccess],
  exports: [QueueDashboardAccess],
})
class QueueDashboardAccessModule {}

/** Embedded profile: no Redis, no BullMQ, no dashboard; /admin/queues says so in Vietnamese. */
@Module({})
class QueueDashboardUnavailableModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((_request: Request, _response: Response, _next: NextFunction) => {
        throw new DomainException(ErrorCode.QueueDashboardUnavailable);
      })
      // A plain path is mounted on its sub-paths too.
      .forRoutes(QUEUE_DASHBOARD_PATH);
  }
}

/**
 * The BullMQ dashboard (bull-board) at /admin/queues, for the system admin only; the session
 * endpoint lets a browser open it. On the embedded profile the path answers a Vietnamese 404.
 */
@Module({})
export class QueueDashboardModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (!config.usesRedis) {
      return {
        module: QueueDashboardModule,
        imports: [QueueDashboardUnavailableModule],
        controllers: [QueueDashboardSessionController],
      };
    }
    return {
      module: QueueDashboardModule,
      imports: [
        BullBoardModule.forRootAsync({
          imports: [QueueDashboardAccessModule],
          inject: [QueueDashboardAccess],
          useFactory: (access: QueueDashboardAccess) => ({
            route: `/${QUEUE_DASHBOARD_PATH}`,
            // @bull-board/express 9.10.1 brings its own copy of @bull-board/api: same shape, other types.
            adapter: ExpressAdapter as unknown as BullBoardModuleOptions['adapter'],
            middleware: access.middleware,
            boardOptions: { uiConfig: { boardTitle: 'eISO — hàng đợi công việc' } },
          }),
        }),
        // The queues QueueModule registered with @nestjs/bullmq, found by their tokens.
        BullBoardModule.forFeature(...ALL_QUEUE_NAMES.map((name) => ({ name, adapter: BullMQAdapter }))),
      ],
      controllers: [QueueDashboardSessionController],
    };
  }
}
