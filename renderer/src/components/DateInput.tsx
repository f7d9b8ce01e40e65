import { useId } from 'react';
import { todayWib } from '../lib/time.ts';

export type DateInputProps = {
  label: string;
  /** A WIB day, `YYYY-MM-DD`. */
  value: string;
  onChange: (day: string) => void;
  min?: string;
  /** Defaults to today in WIB: no future days. */
  max?: string;
  disabled?: boolean;
};

/** A labelled WIB day picker (the browser's date input, keyboard friendly). */
export function DateInput({ label, value, onChange, min, max, disabled }: DateInputProps) {
  const id = useId();
  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        type="date"
        value={value}
        min={min}
        max={max ?? todayWib()}
        disabled={disabled}
        onChange={event => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) onChange(event.target.value);
        }}
      />
    </label>
  );
}
