import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'eiso:public';

/** Opens a route to anonymous callers. Every other route must declare a permission. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
