import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchChange } from '../src/app/dispatch/dispatchChange.js';
import { buildServices } from '../src/compositionRoot.js';
import { loadConfig } from '../src/config.js';
import { anOrder } from './support/orderBuilder.js';
import { startAzurite, type RunningAzurite } from './support/azurite.js';
import { FakePublisher, silentLogger } from './support/fakePorts.js';

describe('composition root', () => {
  let azurite: RunningAzurite;
  beforeAll(async () => {
    azurite = await startAzurite();
  }, 60_000);
  afterAll(async () => {
    await azurite?.stop();
  });

  it('starts and tracks changes with HM_ENABLED=false and every H&M setting blank, as the first deployment has them', async () => {
    const config = loadConfig({
      HM_ENABLED: 'false',
      HM_API_URL: '',
      HM_CLIENT_ID: '',
      HM_RESOURCE: '',
      HM_TENANT_ID: '',
      HM_ITEM_DISCOUNT_TYPE: '',
      ERP_BASE_URL: 'http://127.0.0.1:9',
      ERP_USERNAME: 'u',
      ERP_PASSWORD: 'p',
      ServiceBusConnection: 'inprocess',
      TableStorageConnection: azurite.connectionString,
    });
    const services = await buildServices(config, { publisher: new FakePublisher(), logger: silentLogger });
    try {
      const order = anOrder({ transId: 1 });
      const body = { kind: 'order', orderNumber: order.orderNumber, transId: 1, order };
      const outcome = await dispatchChange(services.dispatch, { messageId: 'm-1', sessionId: order.orderNumber, deliveryCount: 1, body });
      expect(outcome).toMatchObject({ result: 'parked' });
      expect((await services.log.timeline(order.orderNumber)).map((r) => [r.status, r.state])).toEqual([['CREATED', 'PENDING']]);
    } finally {
      await services.close();
    }
  });
});
