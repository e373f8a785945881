import type { Metadata } from 'next'
import type React from 'react'

import './styles.css'

export const metadata: Metadata = {
  title: 'New Wave of European AI',
  description:
    'Die Initiative für ein offenes europäisches KI-Ökosystem. / The initiative for an open European AI ecosystem.',
}

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="de">
      <body>{children}</body>
    </html>
  )
}
