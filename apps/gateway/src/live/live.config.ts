import { Transform, Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { trim } from '@bekasi/platform';

/** What the gateway's live stream needs: the broker, the topic prefix, and how long a stream lives. */
export class LiveConfig {
  @Transform(trim) @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  @Transform(trim) @IsString() @Matches(/^[A-Za-z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may hold letters, digits, . _ - only' })
  KAFKA_TOPIC_PREFIX = '';

  /** A stream ends after this long; the browser reconnects with a new ticket (and so a valid session). */
  @Type(() => Number) @IsInt() @Min(10) @Max(86_400)
  LIVE_STREAM_MAX_SECONDS = 900;
}
