/** Notices across restarts on Azure Table Storage (Azurite): the process is stopped as a deployment stops it (SIGTERM). */
import { describeRestarts } from './restarts';

describeRestarts('Azure Table Storage (Azurite)', 'azure', 'SIGTERM');
