import { useEffect, useState } from 'react';

interface Props {
  readonly label: string;
  readonly placeholder: string;
  readonly testId: string;
  readonly value: number | undefined;
  readonly onChange: (value: number | undefined) => void;
}

/**
 * A number box for one end of a range. It keeps its own text, so a half-typed "0." or "1e-" is
 * not rewritten under the cursor; only a complete number (or nothing) reaches the filter.
 */
export function BoundInput({ label, placeholder, testId, value, onChange }: Props) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    // Cleared from outside ("clear filters"): empty the box too.
    if (value === undefined) setText((old) => (old.trim() === '' || !Number.isFinite(Number(old)) ? old : ''));
  }, [value]);
  return (
    <input
      type="text"
      inputMode="decimal"
      size={7}
      aria-label={label}
      placeholder={placeholder}
      data-testid={testId}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const trimmed = e.target.value.trim();
        const parsed = Number(trimmed);
        if (trimmed === '') onChange(undefined);
        else if (Number.isFinite(parsed)) onChange(parsed);
      }}
    />
  );
}
