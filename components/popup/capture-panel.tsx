import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n-context';
import { ProgressBar } from '../ui/progress-bar';
import { FailureText } from '../ui/failure-text';
import type { CaptureState } from './use-capture';

/** The primary action while there is no capture of this page: the button, then its progress. */
export function CapturePanel({
  state,
  disabled,
  onCapture,
}: {
  state: CaptureState;
  disabled: boolean;
  onCapture: () => void;
}) {
  const { t } = useI18n();
  const button = useRef<HTMLButtonElement>(null);
  // The popup opens on the monitor's shortcut; focus is on Capture so Enter captures at once.
  // (The autofocus attribute is not honoured for content rendered after load.)
  useEffect(() => {
    if (!disabled) button.current?.focus();
  }, [disabled, state.status]);
  if (state.status === 'sealed') return null;
  if (state.status === 'sealing')
    return (
      <div aria-live="polite" data-testid="capture-progress">
        <ProgressBar
          label={
            state.stage && state.total
              ? t('sealingProgress', t(`stage_${state.stage}`), state.done + 1, state.total)
              : t('sealing')
          }
          done={state.done}
          total={state.total}
        />
      </div>
    );
  return (
    <>
      {state.status === 'failed' && (
        <p role="alert" class="error" data-testid="capture-failed">
          <FailureText error={state.error} template="captureFailed" />
        </p>
      )}
      <button
        type="button"
        class="primary big"
        disabled={disabled}
        onClick={onCapture}
        ref={button}
      >
        {t('captureButton')}
      </button>
    </>
  );
}
