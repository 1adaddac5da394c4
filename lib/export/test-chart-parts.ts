/** For tests: reads PowerPoint's native charts back out of an unzipped PPTX. */

/** The chart parts of a deck, in the order pptxgenjs numbers them (the order of the slides). */
export function chartPartNames(files: Record<string, unknown>): string[] {
  const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)![1]);
  return Object.keys(files)
    .filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name))
    .sort((a, b) => number(a) - number(b));
}

/** Each series of a chart part: its name, and its values by category as the chart's cache holds them. */
export function chartSeries(xml: string): { name: string; values: Record<string, number | null> }[] {
  const texts = (part: string) => [...part.matchAll(/<c:v>(.*?)<\/c:v>/g)].map((m) => m[1]!);
  const element = (ser: string, tag: string) => new RegExp(`<c:${tag}>([\\s\\S]*?)</c:${tag}>`).exec(ser)![1]!;
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => {
    const categories = texts(element(ser!, 'cat'));
    const values = texts(element(ser!, 'val')).map((v) => (v === '' ? null : Number(v)));
    return {
      name: texts(element(ser!, 'tx'))[0]!,
      values: Object.fromEntries(categories.map((category, i) => [category, values[i] ?? null])),
    };
  });
}
