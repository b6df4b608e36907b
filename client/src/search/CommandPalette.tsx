/**
 * The command palette (Ctrl-K, Cmd-K on a Mac) on every page: cards by
 * full-text search, boards, teams, people, and actions. A combobox over a
 * listbox: arrows move, Enter picks, Escape closes.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { can, type Board, type CardSearchHit, type Member, type Team } from '@opsboard/shared';
import { searchApi } from '../api/search';
import { teamsApi } from '../api/teams';
import { paths } from '../app/routes';
import { navigate } from '../app/router';
import { Dialog } from '../ui/Dialog';
import { setLargeMode } from '../ui/large-mode';
import { pageActions, type PaletteAction } from './palette-actions';
import { GROUP_LABEL, moveActive, paletteResults, type PaletteEntry } from './palette-model';

interface Directory {
  teams: Team[];
  boards: (Board & { teamName: string })[];
  people: (Member & { teamId: string; teamName: string })[];
}

const EMPTY: Directory = { teams: [], boards: [], people: [] };
const SEARCH_PAUSE_MS = 120;

/** Opens on Ctrl-K / Cmd-K anywhere, unless another modal dialog is open or an input method is composing. */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.isComposing) return;
      if (!open && document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      setOpen((was) => !was);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return open ? <PaletteDialog onClose={() => setOpen(false)} /> : null;
}

async function loadDirectory(): Promise<Directory> {
  const teams = await teamsApi.list();
  const readable = teams.filter((t) => can(t.role, 'read'));
  const perTeam = await Promise.all(
    readable.map(async (t) => {
      const [boards, members] = await Promise.all([teamsApi.boards(t.id).catch(() => []), teamsApi.members(t.id).catch(() => [])]);
      return { team: t, boards, members };
    }),
  );
  return {
    teams,
    boards: perTeam.flatMap(({ team, boards }) => boards.map((b) => ({ ...b, teamName: team.name }))),
    people: perTeam.flatMap(({ team, members }) => members.map((m) => ({ ...m, teamId: team.id, teamName: team.name }))),
  };
}

function PaletteDialog({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [directory, setDirectory] = useState<Directory>(EMPTY);
  const [hits, setHits] = useState<{ q: string; cards: CardSearchHit[] }>({ q: '', cards: [] });
  const [searching, setSearching] = useState(false);
  const [active, setActive] = useState(0);
  const [actions] = useState<PaletteAction[]>(() => pageActions());
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let live = true;
    loadDirectory().then(
      (d) => live && setDirectory(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (q === '') return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      searchApi.cards(q.slice(0, 200), abort.signal).then(
        (cards) => {
          setHits({ q, cards });
          setSearching(false);
        },
        () => !abort.signal.aborted && setSearching(false),
      );
    }, SEARCH_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);

  const runners = useMemo(() => {
    const map = new Map<string, () => void>();
    const local: PaletteEntry[] = [];
    const add = (entry: PaletteEntry, run: () => void) => {
      local.push(entry);
      map.set(entry.id, run);
    };
    for (const a of actions) add({ id: `action:${a.id}`, kind: 'action', label: a.label, detail: a.hint ?? '' }, a.run);
    add({ id: 'action:teams', kind: 'action', label: 'Go to teams', detail: '' }, () => navigate(paths.teams()));
    for (const t of directory.teams.filter((x) => can(x.role, 'read'))) {
      add({ id: `action:potw:${t.id}`, kind: 'action', label: 'Go to PoTW', detail: t.name, keywords: 'person of the week on call triage interrupts' }, () => navigate(paths.potw(t.id)));
      add({ id: `action:iterations:${t.id}`, kind: 'action', label: 'Go to iterations', detail: t.name, keywords: 'sprint planning' }, () => navigate(paths.iterations(t.id)));
      add({ id: `action:features:${t.id}`, kind: 'action', label: 'Go to features', detail: t.name, keywords: 'epics' }, () => navigate(paths.features(t.id)));
    }
    add({ id: 'action:large', kind: 'action', label: 'Toggle large mode', detail: 'for the projector', keywords: 'size zoom' }, () =>
      setLargeMode(document.documentElement.dataset.size !== 'large'),
    );
    add({ id: 'action:account', kind: 'action', label: 'Open account settings', detail: '', keywords: 'password tokens sessions' }, () => navigate(paths.account()));
    for (const b of directory.boards.filter((x) => x.archivedAt === null)) {
      add({ id: `board:${b.id}`, kind: 'board', label: b.name, detail: b.teamName, keywords: b.kind }, () => navigate(paths.board(b.id)));
    }
    for (const t of directory.teams) add({ id: `team:${t.id}`, kind: 'team', label: t.name, detail: t.role }, () => navigate(t.role === 'guest' ? paths.requests(t.id) : paths.team(t.id)));
    for (const p of directory.people) {
      // A person leads to the team's first board, filtered to their cards.
      const board = directory.boards.find((b) => b.teamId === p.teamId && b.archivedAt === null);
      add({ id: `person:${p.teamId}:${p.userId}`, kind: 'person', label: p.name, detail: `${p.teamName} · ${p.role}`, keywords: p.email }, () =>
        navigate(board ? paths.board(board.id, `?person=${encodeURIComponent(p.userId)}`) : paths.team(p.teamId)),
      );
    }
    return { map, local };
  }, [actions, directory]);

  const cardEntries = useMemo(() => {
    if (hits.q !== query.trim()) return [];
    return hits.cards.map(
      (c): PaletteEntry => ({
        id: `card:${c.id}`,
        kind: 'card',
        label: `#${c.number} ${c.title}`,
        detail: [c.teamName, c.boardName, c.columnName, c.blocked ? 'blocked' : null].filter(Boolean).join(' · '),
        keywords: c.snippet ?? '',
      }),
    );
  }, [hits, query]);

  const results = useMemo(() => paletteResults(runners.local, cardEntries, query), [runners, cardEntries, query]);
  const activeIndex = Math.min(active, results.length - 1);
  const optionId = (i: number) => `${listId}-option-${i}`;

  useEffect(() => {
    if (activeIndex >= 0) listRef.current?.querySelector(`#${CSS.escape(optionId(activeIndex))}`)?.scrollIntoView({ block: 'nearest' });
  });

  const pick = (entry: PaletteEntry | undefined) => {
    if (!entry) return;
    const card = entry.kind === 'card' ? hits.cards.find((c) => `card:${c.id}` === entry.id) : undefined;
    const run = card ? () => navigate(paths.board(card.boardId, `?card=${encodeURIComponent(card.id)}`)) : runners.map.get(entry.id);
    onClose();
    run?.();
  };

  const snippetOf = (entry: PaletteEntry) => (entry.kind === 'card' && entry.keywords ? entry.keywords : null);

  return (
    <Dialog title="Go to or do anything" onClose={onClose} size="md" className="palette">
      <input
        data-autofocus
        className="palette__input"
        type="text"
        role="combobox"
        aria-label="Search cards, boards, teams, people and actions"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
        placeholder="Search cards, boards, people, or type an action…"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            pick(results[activeIndex]);
          } else if (['ArrowDown', 'ArrowUp'].includes(e.key) || ((e.key === 'Home' || e.key === 'End') && e.ctrlKey)) {
            e.preventDefault();
            setActive(moveActive(activeIndex, results.length, e.key));
          }
        }}
      />
      <ul ref={listRef} id={listId} role="listbox" aria-label="Results" className="palette__list">
        {results.map((entry, i) => {
          const header = entry.kind !== results[i - 1]?.kind ? GROUP_LABEL[entry.kind] : null;
          const snippet = snippetOf(entry);
          return (
            <li
              key={entry.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              data-kind={entry.kind}
              className="palette__option"
              onMouseMove={() => i !== activeIndex && setActive(i)}
              onClick={() => pick(entry)}
            >
              {header && (
                <span className="palette__group" aria-hidden="true">
                  {header}
                </span>
              )}
              <span className="palette__label">{entry.label}</span>
              {entry.detail && <span className="palette__detail">{entry.detail}</span>}
              {snippet && <span className="palette__snippet">{snippet}</span>}
            </li>
          );
        })}
      </ul>
      <p className="palette__status" role="status">
        {searching ? 'Searching cards…' : query.trim() !== '' && results.length === 0 ? 'Nothing found' : `${results.length} result${results.length === 1 ? '' : 's'}`}
      </p>
    </Dialog>
  );
}
