import { NotFoundMessage } from '@/web/components/NotFoundMessage'

/** The 404 page, inside the locale's layout (header, footer, `<html lang>`). */
export default function NotFound() {
  return <NotFoundMessage />
}
