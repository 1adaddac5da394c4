import { CHART_SVG_SELECTOR } from '@/components/charts/plot-surface';

/**
 * The chart's own drawing (CHART_SVG_SELECTOR), taken from the page and made portable for the memo SVG. Inkscape
 * and PowerPoint read presentation attributes more reliably than CSS and know neither `em` offsets,
 * `dominant-baseline` nor `paint-order`, so those are rewritten into plain attributes and a halo becomes a text
 * drawn underneath.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
/** CSS properties that SVG also takes as attributes: an inline style becomes one. The rest of a style is UI. */
const PRESENTATION_PROPERTIES = new Set([
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
]);
/** Page and interaction attributes that mean nothing in a picture. */
const DROPPED_ATTRIBUTES = ['style', 'class', 'tabindex', 'role', 'focusable', 'cursor', 'pointer-events'];
const EM_ATTRIBUTES = ['x', 'y', 'dx', 'dy'];
/** Where the capitals' middle sits above the baseline, in em: replaces `dominant-baseline: central`. */
const CENTRAL_SHIFT = 0.35;

function inlineStyleAsAttributes(element: SVGElement) {
  for (const property of Array.from(element.style)) {
    if (PRESENTATION_PROPERTIES.has(property)) element.setAttribute(property, element.style.getPropertyValue(property));
  }
}

function dropPageAttributes(element: Element) {
  for (const name of DROPPED_ATTRIBUTES) element.removeAttribute(name);
  for (const { name } of Array.from(element.attributes)) {
    // `data-coverage="low"` stays: it says in the file which marks stand for a partly reported year or layer.
    if ((name.startsWith('data-') && name !== 'data-coverage') || name.startsWith('aria-')) element.removeAttribute(name);
  }
}

/** `0.71em` → user units at the text's computed font size (from the element still on the page). */
function resolveTextUnits(element: Element, live: Element) {
  const fontSize = parseFloat(getComputedStyle(live).fontSize);
  for (const name of EM_ATTRIBUTES) {
    const value = element.getAttribute(name)?.trim();
    if (value?.endsWith('em')) element.setAttribute(name, String(round(parseFloat(value) * fontSize)));
  }
  const baseline = element.getAttribute('dominant-baseline');
  if (baseline === 'central' || baseline === 'middle') {
    element.removeAttribute('dominant-baseline');
    const y = parseFloat(element.getAttribute('y') ?? '0');
    element.setAttribute('y', String(round(y + CENTRAL_SHIFT * fontSize)));
  }
}

function resolveCurrentColor(element: Element, live: Element) {
  for (const name of ['fill', 'stroke']) {
    if (element.getAttribute(name) === 'currentColor') element.setAttribute(name, getComputedStyle(live).color);
  }
}

/** A text outlined by `paint-order: stroke` becomes two: the outline drawn first, then the text without it. */
function splitHalo(text: SVGTextElement) {
  const stroke = text.getAttribute('stroke');
  if (!text.getAttribute('paint-order')?.includes('stroke') || !stroke || stroke === 'none') return;
  const halo = text.cloneNode(true) as SVGTextElement;
  halo.setAttribute('fill', stroke);
  halo.removeAttribute('paint-order');
  text.before(halo);
  for (const name of ['stroke', 'stroke-width', 'stroke-linejoin', 'stroke-opacity', 'paint-order']) text.removeAttribute(name);
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The drawing of a rendered chart inside `root`, or null when it has not drawn yet. */
export function findChartSvg(root: ParentNode): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>(CHART_SVG_SELECTOR);
}

/** The children of the chart's <svg> as markup, in one group, every attribute portable. */
export function portableChartMarkup(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const live = Array.from(svg.querySelectorAll('*'));
  Array.from(copy.querySelectorAll('*')).forEach((element, i) => {
    const original = live[i]!;
    if (element instanceof SVGElement) inlineStyleAsAttributes(element);
    dropPageAttributes(element);
    resolveCurrentColor(element, original);
    if (element.localName === 'text' || element.localName === 'tspan') resolveTextUnits(element, original);
  });
  copy.querySelectorAll('text').forEach(splitHalo);
  // Recharts leaves an empty <title> and <desc>; the memo has its own title.
  copy.querySelectorAll('title, desc').forEach((element) => element.remove());
  const group = document.createElementNS(SVG_NS, 'g');
  group.append(...Array.from(copy.childNodes));
  return new XMLSerializer().serializeToString(group);
}
