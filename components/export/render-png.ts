import type { Size } from '@/lib/export/memo-size';

/**
 * An SVG document rasterised to PNG at `pixels`. The browser draws the SVG as an image (system fonts only, no
 * scripts, nothing fetched) straight at the target size, so the PNG is as sharp as the vector at any scale.
 */
export async function renderPng(svg: string, pixels: Size): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(pixels.width, pixels.height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = pixels.width;
    canvas.height = pixels.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the image.');
    context.drawImage(image, 0, 0, pixels.width, pixels.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('This browser could not encode the PNG.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
