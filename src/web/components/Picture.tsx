import Image from 'next/image'

import type { ImagePartsFragment } from '@/graphql/generated'

type Size = 'card' | 'hero'

/**
 * An image from Payload's media collection at one of its generated sizes, with its real width,
 * height and alt text. Images are served as Payload stored them (`unoptimized`): the sizes are
 * already made at upload, and the portal needs no image optimiser process.
 */
export function Picture({
  image,
  size,
  priority = false,
  className,
}: {
  image: ImagePartsFragment | null | undefined
  size: Size
  priority?: boolean
  className?: string
}) {
  if (!image) return null
  const variant = image.sizes?.[size]
  const src = variant?.url ?? image.url
  const width = variant?.width ?? image.width
  const height = variant?.height ?? image.height
  if (!src || !width || !height) return null
  return (
    <Image
      className={className}
      src={src}
      width={width}
      height={height}
      alt={image.alt ?? ''}
      priority={priority}
      unoptimized
    />
  )
}
