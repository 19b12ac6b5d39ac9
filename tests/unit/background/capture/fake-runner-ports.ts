// The capture runner's outside world in Node: the capture fakes of fake-capture-ports.ts, and a
// badge, a progress broadcast and a failure memory that record what they were told.
import type { RunnerPorts } from '../../../../lib/background/capture/runner-ports';
import type { CaptureProgress } from '../../../../lib/messaging/messages/capture';
import { fakeCapturePorts, type FakeCapture } from './fake-capture-ports';

export interface BadgeCall {
  tabId: number;
  text: string;
  color: string;
  title?: string;
}

export interface FakeRunner {
  ports: RunnerPorts;
  /** The capture side (tabs, screenshots, MHTML, network), able to fail on request. */
  capture: FakeCapture;
  /** Every badge set, in order (`title` only when one was given). */
  badges: BadgeCall[];
  /** Every progress event broadcast, in order. */
  events: CaptureProgress[];
  /** How many times the last failure was forgotten. */
  forgotten: number;
}

export function fakeRunnerPorts(capture: FakeCapture = fakeCapturePorts()): FakeRunner {
  const fake: FakeRunner = {
    capture,
    badges: [],
    events: [],
    forgotten: 0,
    ports: undefined as unknown as RunnerPorts,
  };
  fake.ports = {
    capture: capture.ports,
    badge: async (tabId, text, color, title) =>
      void fake.badges.push(
        title === undefined ? { tabId, text, color } : { tabId, text, color, title },
      ),
    broadcast: (event) => void fake.events.push(event),
    forgetLastFailure: async () => void fake.forgotten++,
  };
  return fake;
}
