import { setTheme, THEMES, useTheme } from './theme';

const LABEL = { system: 'System', light: 'Light', dark: 'Dark' } as const;

/** System / light / dark, remembered in this browser. */
export function ThemeToggle() {
  const theme = useTheme();
  return (
    <div className="segmented theme-toggle" role="group" aria-label="Colour theme" data-testid="theme-toggle">
      {THEMES.map((t) => (
        <button key={t} type="button" className="segmented__option" aria-pressed={theme === t} onClick={() => setTheme(t)}>
          {LABEL[t]}
        </button>
      ))}
    </div>
  );
}
