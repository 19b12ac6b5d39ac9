import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fold } from '../../lib/search/normalize';

export interface ComboOption {
  id: string;
  label: string;
  /** Shown after the label, searched too (aliases, article). */
  detail?: string;
  /** Tagged recently: listed under the "recent" heading (options come recent first). */
  recent?: boolean;
}

interface ComboboxProps {
  id: string;
  label: string;
  options: readonly ComboOption[];
  /** Ids to leave out (already chosen). */
  exclude?: readonly string[];
  onSelect: (option: ComboOption) => void;
  /** Offered as the last choice when the text matches nothing exactly. */
  onCreate?: (text: string) => void;
  createLabel?: (text: string) => string;
  /** Headings of the recent and the other options, shown before anything is typed. */
  groupLabels?: { recent: string; others: string };
  max?: number;
  /** Focus the input when it appears (the popup's next step after sealing). */
  autoFocus?: boolean;
}

/**
 * A type-ahead (ARIA 1.2 combobox): typing filters, ↑/↓ move, Enter chooses, Escape closes
 * the list (a second Escape is left to the page). Options keep the order given: recent first.
 */
export function Combobox(props: ComboboxProps) {
  const { id, label, options, exclude = [], onSelect, onCreate, createLabel, max = 8 } = props;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Enter chooses only what the monitor typed or moved to: in an empty field the first
  // suggestion would be picked without being asked for.
  const [navigated, setNavigated] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.autoFocus) input.current?.focus();
  }, []);

  const matches = useMemo(() => {
    const q = fold(text.trim());
    return options
      .filter((o) => !exclude.includes(o.id))
      .filter((o) => !q || fold(`${o.label} ${o.detail ?? ''}`).includes(q))
      .slice(0, max);
  }, [text, options, exclude, max]);
  const exact = matches.some((o) => fold(o.label) === fold(text.trim()));
  const canCreate = Boolean(onCreate && text.trim() && !exact);
  const count = matches.length + (canCreate ? 1 : 0);

  const choose = (index: number) => {
    if (index < matches.length) onSelect(matches[index]!);
    else if (canCreate) onCreate!(text.trim());
    else return;
    setText('');
    setActive(0);
    setNavigated(false);
    setOpen(false);
    input.current?.focus();
  };

  // Nothing is highlighted (so nothing is chosen by Enter) until something is typed or moved to.
  const highlighted = text.trim() || navigated ? Math.min(active, count - 1) : -1;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      // The first arrow in an empty field lands on the first (or last) option itself.
      if (highlighted < 0) setActive(step > 0 ? 0 : Math.max(count - 1, 0));
      else setActive((a) => (count ? (a + step + count) % count : 0));
      setNavigated(true);
    } else if (e.key === 'Enter' && open && count && (text.trim() || navigated)) {
      e.preventDefault();
      choose(highlighted);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  // Before anything is typed, recent options come first under their own heading.
  const groups = !text && matches.some((o) => o.recent) ? props.groupLabels : undefined;
  const heading = (i: number) => {
    if (!groups) return null;
    const o = matches[i]!;
    const starts = i === 0 || Boolean(matches[i - 1]!.recent) !== Boolean(o.recent);
    if (!starts) return null;
    return (
      <li key={`group-${i}`} role="presentation" class="combo-group">
        {o.recent ? groups.recent : groups.others}
      </li>
    );
  };

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  const expanded = open && count > 0;
  return (
    <div class="combobox">
      <label class="field-label" for={id}>
        {label}
      </label>
      <input
        id={id}
        ref={input}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && highlighted >= 0 ? optionId(highlighted) : undefined}
        value={text}
        onInput={(e) => {
          setText((e.currentTarget as HTMLInputElement).value);
          setActive(0);
          setNavigated(false);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setNavigated(false);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={label} class="combo-list" hidden={!expanded}>
        {matches.map((o, i) => [
          heading(i),
          <li
            key={o.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === highlighted}
            class="combo-option"
            // mousedown, not click: the input must not lose focus first (it would close the list).
            onMouseDown={(e) => {
              e.preventDefault();
              choose(i);
            }}
          >
            <span>{o.label}</span>
            {o.detail && <span class="muted"> · {o.detail}</span>}
          </li>,
        ])}
        {canCreate && (
          <li
            id={optionId(matches.length)}
            role="option"
            aria-selected={highlighted === matches.length}
            class="combo-option combo-create"
            onMouseDown={(e) => {
              e.preventDefault();
              choose(matches.length);
            }}
          >
            {createLabel ? createLabel(text.trim()) : text.trim()}
          </li>
        )}
      </ul>
    </div>
  );
}
