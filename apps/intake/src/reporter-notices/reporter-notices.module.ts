import { Module } from '@nestjs/common';
import { ReporterNoticesHttpController } from './reporter-notices.http.controller';
import { ReporterNotices } from './reporter-notices';

export { CreateReporterNotices1764900000001 } from './1764900000001-create-reporter-notices';

/** Status updates back to reporters of WhatsApp/SMS and e-mail; off unless REPORTER_NOTICE_WEBHOOK_URL or REPORTER_NOTICE_SMTP_URL is set. */
@Module({ controllers: [ReporterNoticesHttpController], providers: [ReporterNotices] })
export class ReporterNoticesModule {}
