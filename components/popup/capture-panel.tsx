import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n-context';
import { ProgressBar } from '../ui/progress-bar';
import { captureFailureText, stepText } from '../../lib/i18n/capture-progress';
import { isCaptureStep } from '../../lib/messaging/messages/capture';
import { describeError } from '../ui/describe-error';
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
            state.stage && isCaptureStep(state.stage) ? stepText(t, state.stage) : t('sealing')
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
          {captureFailureText(t, state.step, describeError(t, state.error))}
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
