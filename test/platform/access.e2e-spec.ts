import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ROLE_PERMISSIONS, Role } from '@eiso/common';
import { PUBLIC_ROUTE } from '../../apps/api/src/auth/public.decorator';
import { REQUIRED_PERMISSION } from '../../apps/api/src/auth/require-permission.decorator';
import { createTestContext, TestContext } from '../support/test-app';

interface RouteAccess {
  route: string;
  access: string;
}

function listRoutes(ctx: TestContext): RouteAccess[] {
  const discovery = ctx.app.get(DiscoveryService);
  const scanner = ctx.app.get(MetadataScanner);
  const reflector = ctx.app.get(Reflector);
  const routes: RouteAccess[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
    if (!type || !wrapper.instance) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
    const proto = Object.getPrototypeOf(wrapper.instance) as Record<string, (...args: unknown[]) => unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const path = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, type]);
      const permission = reflector.getAllAndOverride<string>(REQUIRED_PERMISSION, [handler, type]);
      const local = ['', base, path].join('/').replace(/\/+/g, '/').replace(/\/$/, '');
      // Health probes sit outside the API prefix, as in create-api-app.ts.
      const full = local.startsWith('/health/') ? local : `/api/v1${local}`;
      routes.push({
        route: `${RequestMethod[method]} ${full}`,
        access: isPublic ? 'public' : (permission ?? 'NONE (denied by default)'),
      });
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

describe('access control', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('declares a permission or @Public() on every route (reviewed as a snapshot)', () => {
    const routes = listRoutes(ctx);
    expect(routes.filter((r) => r.access.startsWith('NONE'))).toEqual([]);
    expect(routes.map((r) => `${r.route} → ${r.access}`)).toMatchSnapshot();
  });

  it('keeps the role → permission map under review', () => {
    expect(ROLE_PERMISSIONS).toMatchSnapshot();
  });

  it('denies every protected route to an anonymous caller', async () => {
    const protectedRoutes = listRoutes(ctx).filter((r) => r.access !== 'public');
    expect(protectedRoutes.length).toBeGreaterThan(5);
    for (const { route } of protectedRoutes) {
      const [method, path] = route.split(' ');
      const concrete = path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await ctx.http()[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](concrete);
      expect({ route, status: res.status }).toEqual({ route, status: 401 });
    }
  });

  it('denies admin-only routes to every other role', async () => {
    const agency = await ctx.newAgency();
    for (const role of Object.values(Role).filter((r) => r !== Role.Admin)) {
      const user = await ctx.newUser({ roles: [role], agencyId: agency.id });
      const res = await ctx.http().post('/api/v1/agencies').set('Authorization', user.auth).send({});
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
      // Internal auditors also check the chain, told only about their own agency.
      const verify = await ctx.http().get('/api/v1/audit-events/verify').set('Authorization', user.auth);
      const allowed = role === Role.Auditor ? 200 : 403;
      expect({ role, status: verify.status }).toEqual({ role, status: allowed });
    }
  });

  it('answers unknown routes with a coded 404', async () => {
    const res = await ctx.http().get('/api/v1/khong-co').set('Authorization', ctx.admin.auth);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });
});
