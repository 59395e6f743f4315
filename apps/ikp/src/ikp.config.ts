import { ServiceConfig } from '@bekasi/platform';

/** IKP needs nothing beyond the platform's settings; weights, targets and zones are IKP policy. */
export class IkpConfig extends ServiceConfig {}
