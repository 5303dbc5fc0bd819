import { applyDecorators, Header } from '@nestjs/common';

/** Answers that carry tokens must not be kept by a browser or a proxy cache. */
export const NoStore = (): MethodDecorator =>
  applyDecorators(Header('Cache-Control', 'no-store'), Header('Pragma', 'no-cache'));
