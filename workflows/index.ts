export { callbackWorkflow } from './callback';
export { deliveryWorkflow, deliveryStateQuery, retryNowSignal } from './delivery';
export { replayWorkflow, replayStateQuery } from './replay';
export { erasureWorkflow, erasureStateQuery } from './erasure';
