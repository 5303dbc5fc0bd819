import { DynamicModule, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Application, NextFunction, Request, Response } from 'express';
import express from 'express';
import { join } from 'node:path';
import { QUEUE_DASHBOARD_PATH } from '../queue-dashboard/queue-dashboard.constants';
import { findWebRoot } from './web-root';

/** Built files whose names carry a hash of their content: a browser may keep them for a year. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.(?:js|css|woff2?|svg|png)$/;
/** Paths that are never the web app's: the API, the probes, the queue dashboard. */
const NOT_THE_APP = new RegExp(`^/(?:api|health|${QUEUE_DASHBOARD_PATH})(?:/|$)`);
const WEB_ROOT = Symbol('WEB_ROOT');

/**
 * The web app (apps/web, built into dist/web) at `/`: its files (express.static), and `index.html`
 * for every other GET the client router owns. `/api`, `/health` and the queue dashboard are left
 * alone entirely — their errors included. (`@nestjs/serve-static` was tried first: its error
 * middleware turns any error on an excluded path into a 404, which swallowed the API's own 413
 * and 400 for bodies the parser refused.)
 */
@Module({})
export class WebAppModule implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    @Inject(WEB_ROOT) private readonly root: string | null,
  ) {}

  static forRoot(root: string | null = findWebRoot()): DynamicModule {
    return { module: WebAppModule, providers: [{ provide: WEB_ROOT, useValue: root }] };
  }

  onModuleInit(): void {
    const root = this.root;
    if (!root) {
      new Logger(WebAppModule.name).warn(
        'Chưa có giao diện web (dist/web): chạy `npm run build` để phục vụ ứng dụng web tại /',
      );
      return;
    }
    const app = this.adapter.httpAdapter.getInstance<Application>();
    const files = express.static(root, {
      index: false,
      setHeaders: (res, path) => {
        res.setHeader(
          'Cache-Control',
          HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    const index = join(root, 'index.html');
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (NOT_THE_APP.test(req.path) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
      files(req, res, () => {
        res.setHeader('Cache-Control', 'no-cache');
        res.sendFile(index, (error?: Error) => {
          if (error && !res.headersSent) next();
        });
      });
    });
  }
}
