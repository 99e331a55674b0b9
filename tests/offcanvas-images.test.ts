import { describe, expect, test } from 'vitest';
import { dropOffCanvasImages } from '../src/render/offcanvas-images.js';

const img = (x: number, y: number, w = 6, h = 8, extra = '') => `<image href="data:image/svg+xml;base64,AAAA" x="${x}" y="${y}" width="${w}" height="${h}"${extra}/>`;
const svg = (body: string) => `<svg width="20" height="10" viewBox="0 0 20 10" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;

describe('dropOffCanvasImages (resvg-js can abort the process on an image far off the canvas)', () => {
  test.each([
    { name: 'wholly left', image: img(-36, 1), kept: false },
    { name: 'wholly right', image: img(40, 1), kept: false },
    { name: 'wholly above', image: img(1, -30), kept: false },
    { name: 'wholly below', image: img(1, 30), kept: false },
    { name: 'ending exactly at the left edge (draws nothing)', image: img(-6, 1), kept: false },
    { name: 'partly on the canvas', image: img(-5, 1), kept: true },
    { name: 'inside', image: img(2, 1), kept: true },
    { name: 'with a transform of its own', image: img(-36, 1, 6, 8, ' transform="translate(40 0)"'), kept: true },
    { name: 'with a box that is not plain numbers', image: '<image href="data:," x="-36px" y="1" width="6" height="8"/>', kept: true },
    { name: 'no x/y (0,0) and no size', image: '<image href="data:,"/>', kept: false },
  ])('an image $name: kept $kept', ({ image, kept }) => {
    const input = svg(`<rect width="20" height="10" fill="#fff"/>${image}<path d="M0 0h1"/>`);
    const out = dropOffCanvasImages(input, 20, 10);
    expect(out.includes(image)).toBe(kept);
    expect(out.replace(image, '')).toBe(input.replace(image, ''));
  });

  test.each([
    { name: 'a <g> with a transform', wrap: (s: string) => `<g transform="translate(50 0)">${s}</g>` },
    { name: 'a pattern', wrap: (s: string) => `<defs><pattern id="p" width="6" height="8">${s}</pattern></defs>` },
    { name: 'a mask', wrap: (s: string) => `<mask id="m">${s}</mask>` },
    { name: 'a clip path', wrap: (s: string) => `<clipPath id="c">${s}</clipPath>` },
    { name: 'a nested <svg>', wrap: (s: string) => `<svg x="30" viewBox="0 0 5 5">${s}</svg>` },
  ])('an image off the canvas inside $name is left alone (other coordinates)', ({ wrap }) => {
    const input = svg(wrap(img(-36, 1)));
    expect(dropOffCanvasImages(input, 20, 10)).toBe(input);
  });

  test('after such a group closes, images are judged again', () => {
    const input = svg(`<g transform="scale(2)">${img(-36, 1)}</g><g>${img(-36, 1)}</g>${img(3, 3)}`);
    expect(dropOffCanvasImages(input, 20, 10)).toBe(svg(`<g transform="scale(2)">${img(-36, 1)}</g><g></g>${img(3, 3)}`));
  });

  test('an SVG without images, or with every image on the canvas, comes back as it was', () => {
    const plain = svg('<rect width="20" height="10"/>');
    expect(dropOffCanvasImages(plain, 20, 10)).toBe(plain);
    const onCanvas = svg(img(1, 1) + img(10, 2));
    expect(dropOffCanvasImages(onCanvas, 20, 10)).toBe(onCanvas);
  });
});
