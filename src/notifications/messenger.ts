/** The port through which notifications reach a person's personal chat; the Teams layer implements it. */
import type { OutboundResult } from '../outbound/outcome';
import type { Notification } from './types';

export interface PersonalMessenger {
  send(notification: Notification): Promise<OutboundResult>;
}
