'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { searchFlowPartiesAction } from '@/lib/actions/flows';
import type { FlowPartyOption } from '@/lib/flows/schema';
import { formatCount } from '@/lib/format';
import styles from './flows.module.css';

/** How long typing pauses before the picker asks the server. */
const DEBOUNCE_MS = 200;

/**
 * A company picker that searches as you type (the ARIA combobox pattern, list autocomplete): arrows move through
 * the suggestions, Enter picks one, Escape closes the list (a second Escape reaches the form and cancels it).
 */
export function CompanyCombobox({
  id,
  label,
  value,
  onChange,
  exclude,
  errors,
  autoFocus,
}: {
  id: string;
  label: string;
  value: FlowPartyOption | null;
  onChange: (company: FlowPartyOption | null) => void;
  /** The company whose page this is: never its own counterpart. */
  exclude: string;
  errors?: string[];
  autoFocus?: boolean;
}) {
  const [text, setText] = useState(value?.name ?? '');
  const [options, setOptions] = useState<FlowPartyOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const listId = useId();
  const asked = useRef(0);

  useEffect(() => {
    const q = text.trim();
    if (!open || q.length === 0 || q === value?.name) return;
    const request = ++asked.current;
    const timer = setTimeout(async () => {
      setStatus('Searching…');
      const result = await searchFlowPartiesAction({ q });
      if (request !== asked.current) return;
      const found = result.ok ? (result.data ?? []).filter((c) => c.id !== exclude) : [];
      setOptions(found);
      setActive(found.length > 0 ? 0 : -1);
      setStatus(
        result.ok
          ? found.length === 0
            ? 'No company matches.'
            : formatCount(found.length, 'company', 'companies')
          : (result.message ?? ''),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, open, value, exclude]);

  function pick(company: FlowPartyOption) {
    onChange(company);
    setText(company.name);
    setOpen(false);
    setOptions([]);
    setStatus('');
  }

  const expanded = open && options.length > 0;
  const errorId = `${id}-error`;
  return (
    <div className={`field ${styles.combobox}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        autoFocus={autoFocus}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        placeholder="Type a name or ticker"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (value) onChange(null);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (!open) setOpen(true);
            if (options.length > 0)
              setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % options.length : (a - 1 + options.length) % options.length));
          } else if (e.key === 'Enter' && expanded && active >= 0) {
            // Picks the suggestion instead of submitting the form.
            e.preventDefault();
            pick(options[active]!);
          } else if (e.key === 'Escape' && expanded) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label={`${label} suggestions`} className={styles.listbox} hidden={!expanded}>
        {options.map((c, i) => (
          <li
            key={c.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? styles.activeOption : undefined}
            // mousedown, not click: it comes before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(c);
            }}
          >
            {c.name} {c.ticker && <span className="muted mono">{c.ticker}</span>} <span className="muted">· {c.currency}</span>
          </li>
        ))}
      </ul>
      <span className="sr-only" role="status">
        {status}
      </span>
      {errors?.length ? (
        <span id={errorId} className="field-error">
          {errors.join(' ')}
        </span>
      ) : null}
    </div>
  );
}
