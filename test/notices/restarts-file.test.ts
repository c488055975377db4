/** Notices across restarts on the file store: the process is killed (SIGKILL) and the next takes over at once. */
import { describeRestarts } from './restarts';

describeRestarts('the file store', 'file', 'SIGKILL');
