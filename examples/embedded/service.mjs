// An existing express service with Barrage inside: the worker runs in this process, the whole
// Barrage API is mounted at /barrage, and the service publishes from its own handler.
//   TEMPORAL_ADDRESS  Temporal (empty: the embedded dev server; needs the `temporal` CLI)
//   RECEIVER_URL      where order webhooks go (receiver.mjs)
//   WEBHOOK_SECRET    their signing secret (whsec_…), shared with the receiver
//   PORT              this service's port (default 3000; 0 picks one)
import express from 'express';
import { BarrageError, createHub } from 'barrage';

const API_KEY = process.env.SHOP_API_KEY ?? 'shop-key-change-me';
const hub = await createHub({
  config: {
    temporal: { address: process.env.TEMPORAL_ADDRESS ?? '', taskQueue: process.env.TASK_QUEUE ?? 'shop' },
    database: { dataDir: process.env.DATA_DIR ?? '.barrage/shop-db' },
    // The receiver runs on this machine in the example; leave this false in production.
    security: { allowPrivateDestinations: true },
    log: { level: 'warn' },
    tenants: [
      {
        id: 'shop',
        namespace: 'barrage-shop',
        apiKeys: [API_KEY],
        destinations: [{ id: 'orders', url: process.env.RECEIVER_URL, events: ['order.*'], secret: 'env:WEBHOOK_SECRET' }],
      },
    ],
  },
  roles: ['worker'],
});

const app = express();
app.use('/barrage', hub.router());
app.post('/orders', express.json(), async (req, res) => {
  const order = { id: `ord_${Date.now().toString(36)}`, ...req.body };
  try {
    const event = await hub.publish({ tenant: 'shop', type: 'order.created', id: order.id, data: order });
    res.status(201).json({ order, event: event.id });
  } catch (err) {
    if (!(err instanceof BarrageError)) throw err;
    res.status(err.status).json(err.toBody());
  }
});

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`shop listening on http://127.0.0.1:${server.address().port} (Barrage API at /barrage)`);
});

// Graceful: stop taking requests, let running delivery attempts finish, then exit.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    server.close();
    await hub.close();
    process.exit(0);
  });
}
