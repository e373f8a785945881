import Image from 'next/image'

type Size = 'card' | 'hero'

type Variant = { url?: string | null; width?: number | null; height?: number | null }

/** What a picture needs of an image: ImageParts and CardImage (src/graphql/operations) both fit. */
export type PictureImage = Variant & {
  alt?: string | null
  sizes?: Partial<Record<Size, Variant | null>> | null
}

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
  image: PictureImage | null | undefined
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
