import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import { TopicNaming } from '@bekasi/contracts';

export interface KafkaSettings {
  brokers: string[];
  /** Prefix of every topic name; empty in production, unique per integration test. */
  topicPrefix: string;
  clientId: string;
}

export type KafkaLogSink = (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra: Record<string, unknown>) => void;

/** One kafkajs client per process, with its chatter routed into the service's JSON log. */
export function createKafka(settings: KafkaSettings, sink?: KafkaLogSink): Kafka {
  const config: KafkaConfig = {
    clientId: settings.clientId,
    brokers: settings.brokers,
    connectionTimeout: 5_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 200, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        if (!sink) return;
        const { message, ...extra } = log;
        const mapped = level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : level === logLevel.INFO ? 'info' : 'debug';
        sink(mapped, `kafkajs: ${message}`, extra);
      },
  };
  return new Kafka(config);
}

export function topicNamingOf(settings: KafkaSettings): TopicNaming {
  return new TopicNaming(settings.topicPrefix);
}
