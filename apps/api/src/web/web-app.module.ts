import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { ServerResponse } from 'node:http';
import { QUEUE_DASHBOARD_PATH } from '../queue-dashboard/queue-dashboard.constants';
import { findWebRoot } from './web-root';

/** Built files whose names carry a hash of their content: a browser may keep them for a year. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.(?:js|css|woff2?|svg|png)$/;

/**
 * The web app (apps/web, built into dist/web) at `/`: its files, and `index.html` for every other
 * path the client router owns. The API (`/api`), the probes (`/health`) and the queue dashboard
 * keep their own answers, a JSON 404 included.
 */
@Module({})
export class WebAppModule {
  static forRoot(root: string | null = findWebRoot()): DynamicModule {
    if (!root) {
      new Logger(WebAppModule.name).warn(
        'Chưa có giao diện web (dist/web): chạy `npm run build` để phục vụ ứng dụng web tại /',
      );
      return { module: WebAppModule };
    }
    return {
      module: WebAppModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: root,
          exclude: ['/api/{*rest}', '/health/{*rest}', `/${QUEUE_DASHBOARD_PATH}/{*rest}`],
          serveStaticOptions: {
            index: false,
            setHeaders: (res: ServerResponse, path: string) => {
              res.setHeader(
                'Cache-Control',
                HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
              );
            },
          },
        }),
      ],
    };
  }
}
