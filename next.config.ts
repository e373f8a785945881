import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { DEFAULT_SERVER_ACTION_BODY_MAX_BYTES } from './src/core/env'

const root = path.dirname(fileURLToPath(import.meta.url))

const nextConfig: NextConfig = {
  // The express server in src/process/server.ts sets the security headers; Next's own header is noise.
  poweredByHeader: false,
  experimental: {
    // The edge refuses larger server-action bodies first (src/edge/bodyPolicy.ts); Next's
    // own limit (1 MB by default) must not be lower, or it would refuse the admin's large forms.
    serverActions: {
      bodySizeLimit:
        Number(process.env.SERVER_ACTION_BODY_MAX_BYTES) || DEFAULT_SERVER_ACTION_BODY_MAX_BYTES,
    },
  },
  // `npm test` type-checks the whole tree (tsc --noEmit) before it builds; checking again here
  // would only add half a minute to every build.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    // The public portal loads nothing from elsewhere: no external fonts, scripts or images. Next
    // inlines its bootstrap scripts, hence 'unsafe-inline' for scripts (no nonces: pages are
    // served from the read cache, and a cached nonce would be no nonce).
    const portal = [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      // The proof-of-work widget (altcha, bundled and served from here) runs its workers from
      // blob: URLs it makes itself; nothing is loaded from elsewhere.
      "worker-src 'self' blob:",
      "frame-ancestors 'self'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ].join('; ')
    return [
      {
        source: '/:locale(de|en)/:path*',
        headers: [{ key: 'Content-Security-Policy', value: portal }],
      },
    ]
  },
  images: {
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
  turbopack: { root },
  webpack: (config) => {
    // Source files import siblings with `.js` extensions in places (ESM style); resolve them to TS.
    config.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
