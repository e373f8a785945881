'use client'

import type { ReactNode } from 'react'

// Sets the short date formats of the admin languages before anything is formatted (see there).
import '@/i18n/dateLocales'

/** Around the whole admin (`admin.components.providers`), for the import above alone. */
export function DateLocales({ children }: { children: ReactNode }) {
  return children
}
