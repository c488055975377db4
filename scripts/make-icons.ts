/**
 * Draws the app icons Teams requires: a 192x192 colour icon and a 32x32 outline icon (white on
 * transparent). Run once after changing the design: `npm run build && node dist/scripts/make-icons.js`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng, type Rgba } from './png';

const ACCENT: Rgba = [0x2b, 0x57, 0x9a, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** A shield with a keyhole, in unit coordinates (0..1), so both sizes draw the same shape. */
function inShield(u: number, v: number): boolean {
  if (v < 0.12 || v > 0.9) return false;
  const halfWidth = v < 0.55 ? 0.34 : 0.34 * Math.sqrt(Math.max(0, 1 - ((v - 0.55) / 0.35) ** 2));
  return Math.abs(u - 0.5) <= halfWidth;
}

function inKeyhole(u: number, v: number): boolean {
  const circle = (u - 0.5) ** 2 + (v - 0.42) ** 2 <= 0.075 ** 2;
  const stem = Math.abs(u - 0.5) <= 0.035 && v >= 0.42 && v <= 0.64;
  return circle || stem;
}

export function colourIcon(): Buffer {
  const size = 192;
  return encodePng(size, size, (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    return inShield(u, v) && !inKeyhole(u, v) ? WHITE : ACCENT;
  });
}

export function outlineIcon(): Buffer {
  const size = 32;
  return encodePng(size, size, (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    return inShield(u, v) && !inKeyhole(u, v) ? WHITE : CLEAR;
  });
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '../../appPackage');
  writeFileSync(path.join(dir, 'color.png'), colourIcon());
  writeFileSync(path.join(dir, 'outline.png'), outlineIcon());
  console.log(`icons written to ${dir}`);
}
