import sharp from 'sharp';

/**
 * Image mechanics shared by features that take uploads (branding's logo, members' photos): what a
 * file really is, by its first bytes, and the one decoder setting. Whatever a file holds beyond
 * its pixels (EXIF, GPS, comments, colour profiles) is dropped by re-encoding.
 */

/** Decoding stops beyond this many pixels: a small file must not expand into gigabytes. */
export const MAX_INPUT_PIXELS = 40_000_000;

export type ImageFormat = 'png' | 'jpeg' | 'webp';

/** PNG, JPEG or WebP by their first bytes; anything else (SVG, GIF, HTML, …) never reaches the decoder. */
export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

export class UnreadableImage extends Error {}

/**
 * The image upright (EXIF orientation applied to the pixels) as raw pixels, with its size. Throws
 * `UnreadableImage` when the bytes are not the sniffed format or do not decode.
 */
export async function decodeUpright(bytes: Uint8Array, format: ImageFormat) {
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const metadata = await image.metadata();
    if (metadata.format !== format) throw new UnreadableImage('format');
    const { data, info } = await image.rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels };
  } catch {
    throw new UnreadableImage('decode');
  }
}

/** A square region of an upright image, encoded as WebP at each side asked for, without metadata. */
export async function encodeSquareWebp(
  upright: Awaited<ReturnType<typeof decodeUpright>>,
  crop: { x: number; y: number; size: number },
  sides: readonly number[],
): Promise<Buffer[]> {
  const region = await sharp(upright.data, {
    raw: { width: upright.width, height: upright.height, channels: upright.channels },
  })
    .extract({ left: crop.x, top: crop.y, width: crop.size, height: crop.size })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return Promise.all(
    sides.map((side) =>
      sharp(region.data, { raw: { width: crop.size, height: crop.size, channels: upright.channels } })
        .resize(side, side, { fit: 'cover', withoutEnlargement: false })
        .webp({ quality: 82 })
        .toBuffer(),
    ),
  );
}
