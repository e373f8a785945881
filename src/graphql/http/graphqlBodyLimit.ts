import type { Response } from 'express'

import { LIMIT_CODE, limits } from '@/cms/apiLimits'

/** The 400 every GraphQL body over `limits.maxBodyBytes` gets; `size` says how large it was. */
export function refuseLargeBody(res: Response, size: string) {
  res.status(400).json({
    errors: [
      {
        message: `The request body has ${size} bytes (limit maxBodyBytes = ${limits.maxBodyBytes})`,
        extensions: { code: LIMIT_CODE, limit: 'maxBodyBytes', max: limits.maxBodyBytes },
      },
    ],
  })
}
