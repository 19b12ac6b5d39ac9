import { useId } from 'preact/hooks';

interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (value: V) => void;
  name?: string;
  /** A fixed id, when other code must find the control (focus after a step). */
  id?: string;
}

/** A labelled `<select>` (label tied by `for`: the chosen option is not part of its name). */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  name,
  id: fixedId,
}: SelectFieldProps<V>) {
  const generated = useId();
  const id = fixedId ?? generated;
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
