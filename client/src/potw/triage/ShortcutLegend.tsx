/** The triage keys, always on screen: nobody should have to remember them to start. */
import { SHORTCUTS } from './queue';

export function ShortcutLegend() {
  return (
    <section className="shortcut-legend" aria-labelledby="triage-keys-heading">
      <h3 id="triage-keys-heading" className="shortcut-legend__title">
        Keyboard
      </h3>
      <dl className="shortcut-legend__list">
        {SHORTCUTS.map((s) => (
          <div key={s.label} className="shortcut-legend__row">
            <dt>
              {s.keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
