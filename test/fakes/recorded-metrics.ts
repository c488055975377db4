/** The bot's metrics as a test reads them: every event a service recorded, in order, with no exporter. */
import type { DeliveryResult, Metrics, NoticeCall, TurnOutcome } from '../../src/telemetry/metrics';
import type { ProgressStatus } from '../../src/requests/types';

export class RecordedMetrics implements Metrics {
  readonly turns: TurnOutcome[] = [];
  readonly deliveries: DeliveryResult[] = [];
  readonly noticeCalls: Array<{ call: NoticeCall; status: number }> = [];
  readonly statusChanges: ProgressStatus[] = [];
  questionsToTeam = 0;

  turn(outcome: TurnOutcome): void {
    this.turns.push(outcome);
  }
  delivery(result: DeliveryResult): void {
    this.deliveries.push(result);
  }
  noticeCall(call: NoticeCall, status: number): void {
    this.noticeCalls.push({ call, status });
  }
  questionToTeam(): void {
    this.questionsToTeam++;
  }
  statusChange(status: ProgressStatus): void {
    this.statusChanges.push(status);
  }
}
