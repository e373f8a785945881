import { notFound } from 'next/navigation'

/** Any path under a locale that no page answers: the locale's own 404. */
export default function UnknownPage() {
  notFound()
}
