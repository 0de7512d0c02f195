// Reads the metric-events topic of a running app with third-party Confluent-ecosystem clients:
// KafkaJS consumes, @kafkajs/confluent-schema-registry decodes the Confluent wire format through
// the registry's REST API. Exits 0 when it decoded an event matching the expectation.
// usage: node check.mjs BOOTSTRAP REGISTRY_URL REGION INDICATOR_LABEL VALUE
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';

const [bootstrap, registryUrl, region, label, value] = process.argv.slice(2);
const registry = new SchemaRegistry({ host: registryUrl });
const kafka = new Kafka({ brokers: [bootstrap], clientId: 'confluent-check', logLevel: logLevel.WARN });
const consumer = kafka.consumer({ groupId: `confluent-check-${Date.now()}`, readUncommitted: false });

const timer = setTimeout(async () => {
  console.error(`no event ${region} ${label} = ${value} within 60 s`);
  await consumer.disconnect();
  process.exit(1);
}, 60000);

await consumer.connect();
await consumer.subscribe({ topic: 'metric-events', fromBeginning: true });
let decoded = 0;
await consumer.run({
  eachMessage: async ({ message }) => {
    const event = await registry.decode(message.value);
    decoded++;
    if (event.region === region && event.indicatorLabel === label && String(event.value) === String(Number(value))) {
      const schemaId = message.value.readInt32BE(1);
      console.log(`decoded ${decoded} event(s); magic byte ${message.value[0]}, schema id ${schemaId}: ` +
        `${event.region} ${event.indicatorLabel} = ${event.value} ${event.unit} (${event.period}) key=${message.key}`);
      clearTimeout(timer);
      await consumer.disconnect();
      process.exit(0);
    }
  },
});
