// The other side: a webhook receiver that verifies each delivery with the `standardwebhooks`
// package before it trusts it.   WEBHOOK_SECRET (whsec_…), PORT (default 4000; 0 picks one)
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const webhook = new Webhook(process.env.WEBHOOK_SECRET);
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      const event = webhook.verify(body, req.headers);
      console.log(`verified ${req.headers['webhook-id']} ${JSON.stringify(event)}`);
      res.writeHead(204).end();
    } catch (err) {
      console.log(`refused: ${err.message}`);
      res.writeHead(400).end();
    }
  });
});
server.listen(Number(process.env.PORT ?? 4000), '127.0.0.1', () => {
  console.log(`receiver listening on http://127.0.0.1:${server.address().port}`);
});
