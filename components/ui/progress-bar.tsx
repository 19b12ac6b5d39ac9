/** A labelled progress bar; `total` 0 means "working, amount unknown". */
export function ProgressBar({
  label,
  done,
  total,
}: {
  label: string;
  done: number;
  total: number;
}) {
  return (
    <div class="progress">
      <span class="progress-label">{label}</span>
      <progress
        aria-label={label}
        value={total > 0 ? done : undefined}
        max={total > 0 ? total : undefined}
      />
    </div>
  );
}
