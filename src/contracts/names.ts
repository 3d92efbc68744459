// Names shared by the workflow sandbox and the Node side. Pure values only: this module is
// bundled into workflow code.

export const DEFAULT_TASK_QUEUE = 'barrage';

export const WORKFLOW = {
  callback: 'callbackWorkflow',
  delivery: 'deliveryWorkflow',
  replay: 'replayWorkflow',
  erasure: 'erasureWorkflow',
} as const;

export const QUERY = {
  deliveryState: 'deliveryState',
  callbackState: 'callbackState',
  replayState: 'replayState',
  erasureState: 'erasureState',
} as const;
export const SIGNAL = { retryNow: 'retryNow', cancelDelivery: 'cancelDelivery' } as const;

/** Custom search attributes, registered per tenant namespace. Names are public: keep them. */
export const SEARCH_ATTRIBUTES = {
  eventType: { name: 'BarrageEventType', type: 'Keyword' },
  // A list: the source id, plus the message's lineage ("sqs:<id>", "kafka:<topic>/<p>/<offset>")
  // for queue sources, so `BarrageSource = "orders-sqs"` and `BarrageSource = "sqs:<id>"` both match.
  source: { name: 'BarrageSource', type: 'KeywordList' },
  destination: { name: 'BarrageDestination', type: 'Keyword' },
  status: { name: 'BarrageStatus', type: 'Keyword' },
  attempts: { name: 'BarrageAttempts', type: 'Int' },
} as const;
