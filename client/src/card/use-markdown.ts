import { useEffect, useState } from 'react';

type Render = (source: string) => string;
let loaded: Render | null = null;
let loading: Promise<Render> | null = null;

/** marked and DOMPurify are loaded on first use (a card's description), keeping them out of the board's first load. */
function load(): Promise<Render> {
  loading ??= import('./markdown').then((m) => (loaded = m.renderMarkdown));
  return loading;
}

/** Safe HTML for a markdown text, or null while the renderer loads. */
export function useMarkdown(source: string): string | null {
  const [render, setRender] = useState<Render | null>(() => loaded);
  useEffect(() => {
    if (render) return;
    let alive = true;
    void load().then((fn) => alive && setRender(() => fn));
    return () => {
      alive = false;
    };
  }, [render]);
  return render ? render(source) : null;
}
